package io.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2InliningTest {

    @Test
    void theJitCompilerHasTheDirectiveOnceHoweverOftenItIsInstalled() throws Exception {
        assertThat(Argon2Inlining.ensureInstalled()).isTrue();
        assertThat(Argon2Inlining.ensureInstalled()).isTrue();

        String directives = Argon2Inlining.printDirectives();
        assertThat(directives)
                .contains("matching: org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*")
                .contains("+org/bouncycastle/crypto/generators/Argon2BytesGenerator.quarterRound");
        // One directive: printed once for C1 and once for C2.
        assertThat(directives.split("Argon2BytesGenerator.quarterRound", -1)).hasSize(3);
    }

    @Test
    void theDirectiveNamesMethodsTheGeneratorHas() throws Exception {
        // Were Bouncy Castle to rename them, the directive would silently stop applying.
        Class<?> generator = Class.forName("org.bouncycastle.crypto.generators.Argon2BytesGenerator");
        assertThat(generator.getDeclaredMethods()).extracting(java.lang.reflect.Method::getName)
                .contains("roundFunction", "F", "quarterRound")
                .anyMatch(name -> name.startsWith("access$"));
    }
}
