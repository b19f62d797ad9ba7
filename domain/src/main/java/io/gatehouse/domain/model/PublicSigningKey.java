package io.gatehouse.domain.model;

/**
 * A published RSA verification key as RFC 7517 describes it: key id, algorithm, and the base64url
 * modulus and exponent (RFC 7518 6.3.1).
 */
public record PublicSigningKey(String kid, String algorithm, String modulus, String exponent) {
}
