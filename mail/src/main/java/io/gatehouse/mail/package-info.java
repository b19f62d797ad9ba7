/**
 * Mail adapter: hands outbox messages to an SMTP relay through micronaut-email's Jakarta Mail sender,
 * or, when no relay is configured, writes each as an {@code .eml} file for the operator. Message
 * bodies are never logged.
 */
package io.gatehouse.mail;
