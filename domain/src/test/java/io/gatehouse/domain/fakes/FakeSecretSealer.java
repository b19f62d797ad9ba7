package io.gatehouse.domain.fakes;

import io.gatehouse.domain.port.out.SecretSealer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Seals reversibly (base64 behind the context), so tests can tell a sealed secret from the secret and check the context. */
public final class FakeSecretSealer implements SecretSealer {

    @Override
    public String seal(String secret, String context) {
        return "sealed:" + context + ":" + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String open(String sealed, String context) {
        String prefix = "sealed:" + context + ":";
        if (!sealed.startsWith(prefix)) {
            throw new IllegalStateException("sealed for another context");
        }
        return new String(Base64.getDecoder().decode(sealed.substring(prefix.length())), StandardCharsets.UTF_8);
    }
}
