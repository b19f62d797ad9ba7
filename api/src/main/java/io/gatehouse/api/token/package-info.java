/** Programmatic access: JWT grant, refresh and verification, the JWKS, developer API keys, API tokens. */
package io.gatehouse.api.token;
