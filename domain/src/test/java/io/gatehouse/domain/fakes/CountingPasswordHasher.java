package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.port.out.PasswordHasher;

/**
 * A fast stand-in for argon2id that records how often it verified, so tests can prove that an
 * unknown email costs the same work as a wrong password. {@code cost} mimics the parameters.
 */
public final class CountingPasswordHasher implements PasswordHasher {

    private int cost = 2;
    private int verifications;

    public void raiseCostTo(int newCost) {
        cost = newCost;
    }

    public int verifications() {
        return verifications;
    }

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash("fake$" + cost + "$" + password);
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        verifications++;
        return hash.encoded().endsWith("$" + password) && hash.encoded().startsWith("fake$");
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return Integer.parseInt(hash.encoded().split("\\$")[1]) < cost;
    }
}
