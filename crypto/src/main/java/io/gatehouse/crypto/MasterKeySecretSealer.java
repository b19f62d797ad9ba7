package io.gatehouse.crypto;

import io.gatehouse.domain.port.out.SecretSealer;
import java.nio.charset.StandardCharsets;

/** Secrets at rest under the master key (AES-256-GCM, the context as associated data). */
public final class MasterKeySecretSealer implements SecretSealer {

    private final MasterKey masterKey;

    public MasterKeySecretSealer(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public String seal(String secret, String context) {
        return masterKey.encrypt(secret.getBytes(StandardCharsets.UTF_8), context);
    }

    @Override
    public String open(String sealed, String context) {
        return new String(masterKey.decrypt(sealed, context), StandardCharsets.UTF_8);
    }
}
