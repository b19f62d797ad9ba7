/**
 * Who is calling: the session cookie authentication fetcher (more bearer kinds plug in beside it),
 * the caller value controllers receive, the cross-site request forgery Origin check, and the
 * problem+json answers for 401 and 403.
 */
package io.gatehouse.api.security;
