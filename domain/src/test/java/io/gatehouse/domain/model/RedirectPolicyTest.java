package io.gatehouse.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPolicyTest {

    private final RedirectPolicy policy = new RedirectPolicy(Set.of("https://app.example.com", "http://localhost:3000"));

    @ParameterizedTest
    @ValueSource(strings = {"/", "/home", "/a/b?x=1#top", "https://app.example.com/after-login", "https://APP.example.com:443/x",
            "http://localhost:3000/cb"})
    void acceptsRelativePathsAndAllowListedOrigins(String target) {
        assertThat(policy.check(target)).contains(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/",
            "https://app.example.com.evil.example/", "https://app.example.com@evil.example/", "javascript:alert(1)",
            "http://app.example.com/", "https://app.example.com:8443/", "/\t/evil.example", " /home", "home", "data:text/html,x",
            "http://localhost:3001/", "ftp://app.example.com/"})
    void refusesEverythingElse(String target) {
        assertThat(policy.check(target)).isEmpty();
    }
}
