package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.model.PendingOidcLogin;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.out.PendingOidcLogins;
import io.gatehouse.domain.port.out.Users;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OpenID Connect sign-ins in flight, which every node shares through the database: taken once, then gone; purged when expired. */
@MicronautTest(transactional = false)
class OidcLoginPersistenceTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PendingOidcLogins logins;
    @Inject
    Users users;

    @Test
    void aLoginIsTakenOnceWithEverythingItWasStartedWith() {
        User linking = User.newMember(new Email(UUID.randomUUID() + "@oidc.example"), null, new PasswordHash("h"), NOW);
        users.insertIfEmailFree(linking);
        SecretToken state = SecretToken.generate(RANDOM);
        SecretToken browser = SecretToken.generate(RANDOM);
        logins.insert(new PendingOidcLogin(state.hash(), "corp-okta", "nonce-1", "verifier-1", browser.hash(), linking.id(), "web", "xyz",
                "/home", NOW, NOW.plusSeconds(600)));

        PendingOidcLogin taken = logins.take(state.hash()).orElseThrow();

        assertThat(taken.provider()).isEqualTo("corp-okta");
        assertThat(taken.nonce()).isEqualTo("nonce-1");
        assertThat(taken.codeVerifier()).isEqualTo("verifier-1");
        assertThat(taken.browserHash()).isEqualTo(browser.hash());
        assertThat(taken.linkingUser()).isEqualTo(linking.id());
        assertThat(taken.client()).isEqualTo("web");
        assertThat(taken.clientState()).isEqualTo("xyz");
        assertThat(taken.redirect()).isEqualTo("/home");
        assertThat(taken.expiresAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(logins.take(state.hash())).as("a state is spent by its first use").isEmpty();
    }

    @Test
    void expiredLoginsArePurgedAndOthersKept() {
        SecretToken old = SecretToken.generate(RANDOM);
        SecretToken fresh = SecretToken.generate(RANDOM);
        logins.insert(new PendingOidcLogin(old.hash(), "p", "n", "v", SecretToken.generate(RANDOM).hash(), null, null, null, null,
                NOW.minusSeconds(900), NOW.minusSeconds(1)));
        logins.insert(new PendingOidcLogin(fresh.hash(), "p", "n", "v", SecretToken.generate(RANDOM).hash(), null, null, null, null, NOW,
                NOW.plusSeconds(600)));

        assertThat(logins.purgeExpired(NOW)).isGreaterThanOrEqualTo(1);

        assertThat(logins.take(old.hash())).isEmpty();
        assertThat(logins.take(fresh.hash())).isPresent();
    }
}
