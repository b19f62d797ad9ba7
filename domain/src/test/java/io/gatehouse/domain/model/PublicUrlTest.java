package io.gatehouse.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void originDropsPathAndDefaultPort() {
        assertThat(PublicUrl.parse("https://Login.Example.com:443/base/").origin()).isEqualTo("https://login.example.com");
        assertThat(PublicUrl.parse("http://localhost:8080").origin()).isEqualTo("http://localhost:8080");
    }

    @Test
    void onlyPlainHttpOnLoopbackIsLoopbackHttp() {
        assertThat(PublicUrl.parse("http://localhost:8080").isLoopbackHttp()).isTrue();
        assertThat(PublicUrl.parse("http://127.0.0.1:8080").isLoopbackHttp()).isTrue();
        assertThat(PublicUrl.parse("http://[::1]:8080").isLoopbackHttp()).isTrue();
        assertThat(PublicUrl.parse("https://localhost").isLoopbackHttp()).isFalse();
        assertThat(PublicUrl.parse("http://gatehouse.internal").isLoopbackHttp()).isFalse();
        assertThat(PublicUrl.parse("http://localhost.evil.example").isLoopbackHttp()).isFalse();
    }

    @Test
    void refusesNonHttpOrDecoratedUrls() {
        assertThatThrownBy(() -> PublicUrl.parse("ftp://example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicUrl.parse("https://user@example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicUrl.parse("https://example.com/?q=1")).isInstanceOf(IllegalArgumentException.class);
    }
}
