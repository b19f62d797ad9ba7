package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecureCookieEndToEndTest {

    @Test
    void sessionCookieIsSecureWhenThePublicUrlIsNotPlainHttpOnLoopback() {
        try (TestGatehouse gatehouse = TestGatehouse.start(Map.of("gatehouse.public-url", "https://login.example.com"))) {
            gatehouse.signUp("secure@example.com");

            var response = gatehouse.postJson("/api/v1/auth/login",
                    "{\"email\":\"secure@example.com\",\"password\":\"" + TestGatehouse.PASSWORD + "\"}").expect(200);

            assertThat(response.setCookie("gatehouse_session")).containsIgnoringCase("; Secure");
            // The Origin the check expects now is the https public URL's.
            gatehouse.request("POST", "/api/v1/auth/bump")
                    .headers("Cookie", "gatehouse_session=" + response.cookie("gatehouse_session"), "Origin", TestGatehouse.ORIGIN)
                    .send().problem(403, "csrf_origin_mismatch");
            gatehouse.request("POST", "/api/v1/auth/bump")
                    .headers("Cookie", "gatehouse_session=" + response.cookie("gatehouse_session"), "Origin", "https://login.example.com")
                    .send().expect(200);
        }
    }
}
