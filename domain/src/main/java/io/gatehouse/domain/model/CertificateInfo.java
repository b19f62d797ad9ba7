package io.gatehouse.domain.model;

import java.time.Instant;

/**
 * What an administrator needs to recognise a certificate: subject, expiry, SHA-256 fingerprint,
 * and the certificate itself in normalised PEM.
 */
public record CertificateInfo(String pem, String subject, Instant notAfter, String sha256Fingerprint) {

    public static final int MAX_PEM_LENGTH = 16 * 1024;
}
