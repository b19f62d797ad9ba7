/**
 * Access JWTs on micronaut-security-jwt: the database-held key ring ({@link io.gatehouse.crypto.jwt.SigningKeyRing})
 * exposed as the framework's signature configuration (signing and verification) and JWK provider (the
 * {@code /.well-known/jwks.json} keys endpoint), and the domain's token signer on the framework's generator.
 * Claim checks ({@code iss}, {@code aud}, {@code exp}, {@code nbf}, revocation) are the framework's claim
 * validators, registered by the HTTP adapter.
 */
package io.gatehouse.crypto.jwt;
