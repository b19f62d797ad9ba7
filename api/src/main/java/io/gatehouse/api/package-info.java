/**
 * The HTTP adapter. Controllers translate requests into use-case commands and outcomes into
 * responses; {@code problem} is the one place where error codes become HTTP statuses and RFC 9457
 * problem documents; {@code security} resolves who is calling and guards cookie requests
 * against cross-site forgery.
 */
package io.gatehouse.api;
