package io.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeySecretSealerTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static MasterKeySecretSealer sealer() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new MasterKeySecretSealer(MasterKey.fromBase64(Base64.getEncoder().encodeToString(key), RANDOM));
    }

    @Test
    void aSealedSecretOpensOnlyInItsOwnContextAndNeverShowsItself() {
        MasterKeySecretSealer sealer = sealer();

        String sealed = sealer.seal("client-secret-ü", "oidc-client-secret:a");

        assertThat(sealed).doesNotContain("client-secret");
        assertThat(sealer.seal("client-secret-ü", "oidc-client-secret:a")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealer.open(sealed, "oidc-client-secret:a")).isEqualTo("client-secret-ü");
        assertThatThrownBy(() -> sealer.open(sealed, "oidc-client-secret:b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherMasterKeyOrAnAlteredTextDoesNotOpen() {
        MasterKeySecretSealer sealer = sealer();
        String sealed = sealer.seal("s3cret", "c");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer().open(sealed, "c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(Base64.getEncoder().encodeToString(bytes), "c")).isInstanceOf(IllegalStateException.class);
    }
}
