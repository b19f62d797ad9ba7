/**
 * Cryptographic adapters the domain reaches through ports: the master key that seals secrets at rest,
 * Argon2id password hashing, SAML SP key material and certificate inspection; JWTs in {@code jwt}.
 * The composition root ({@code app}) holds no cryptography of its own (an ArchUnit rule keeps it so).
 */
package io.gatehouse.crypto;
