package io.gatehouse.domain.port.out;

/** Makes a fresh key the signing key; earlier keys keep verifying for their overlap. */
public interface SigningKeyRotation {

    /** @return the new key id */
    String rotate();
}
