package io.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.PasswordHash;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

    private static final Argon2idPasswordHasher.Cost OWASP = new Argon2idPasswordHasher.Cost(19456, 2, 1);
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(OWASP, new SecureRandom());

    @Test
    void hashIsPhcEncodedWithConfiguredParametersAndVerifies() {
        PasswordHash hash = hasher.hash("correct horse battery");

        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash.encoded()).doesNotContain("correct horse battery");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void sameLengthPasswordsGetDifferentSalts() {
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hasher.hash("correct horse battery"));
    }

    @Test
    void verifiesAHashMadeByTheArgon2ReferenceImplementation() {
        // From the phc-winner-argon2 reference CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1
        PasswordHash reference = new PasswordHash(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

        assertThat(hasher.matches("password", reference)).isTrue();
        assertThat(hasher.matches("Password", reference)).isFalse();
    }

    @Test
    void needsRehashWhenAnyStoredParameterIsWeakerOrTheHashIsForeign() {
        Argon2idPasswordHasher weaker = new Argon2idPasswordHasher(new Argon2idPasswordHasher.Cost(8192, 2, 1), new SecureRandom());

        assertThat(hasher.needsRehash(weaker.hash("correct horse battery"))).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("correct horse battery"))).isFalse();
        assertThat(hasher.needsRehash(new PasswordHash("$2a$10$bcrypt-hash"))).isTrue();
    }

    @Test
    void malformedOrHostileStoredHashNeverMatchesAndNeverRuns() {
        assertThat(hasher.matches("x", new PasswordHash("$argon2id$v=19$m=999999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"))).isFalse();
        assertThat(hasher.matches("x", new PasswordHash("$argon2id$v=19$m=abc$$"))).isFalse();
        assertThat(hasher.matches("x", new PasswordHash("garbage"))).isFalse();
    }
}
