/**
 * DNS adapter: TXT lookups for proving domain ownership, sent with dnsjava to the configured (or the
 * system's) resolvers, with a timeout, and without any cache of its own, so a record that was just
 * published is seen as soon as the resolvers see it (and a negative answer lasts no longer than they
 * keep it, RFC 2308).
 */
package io.gatehouse.dns;
