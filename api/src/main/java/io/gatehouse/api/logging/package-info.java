/** Request correlation: every request gets an id that its log lines and its response carry. */
package io.gatehouse.api.logging;
