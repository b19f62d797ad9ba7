/**
 * Configuration records bound from {@code application.yml} and environment variables, turned into
 * the plain policy records the domain understands. Every setting has a working default.
 */
package io.gatehouse.app.config;
