package io.gatehouse.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's variables, GATEHOUSE_OIDC_PROVIDERS_<NAME>_<SETTING>, with names of several words. */
class OidcProviderVariablesTest {

    @Test
    void aNameOfSeveralWordsKeepsItsDashesAndEverySettingIsRead() {
        List<OidcProviderProperties> providers = OidcProviderVariables.read(Map.ofEntries(
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_ISSUER", "https://acme.okta.example/oauth2/default"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_CLIENT_ID", "client"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_CLIENT_SECRET", "secret"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_DISPLAY_NAME", "Acme Okta"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_ALLOWED_HOSTS", "a.example, b.example"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_GOOGLE_CLIENT_ID", "g"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_GITHUB_TYPE", "oauth2"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_GITHUB_TOKEN_ENDPOINT", "https://github.com/login/oauth/access_token"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_GITHUB_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_post"),
                Map.entry("GATEHOUSE_OIDC_PROVIDERS_GITHUB_EMAIL_VERIFIED_FIELD", "verified"),
                Map.entry("GATEHOUSE_OTHER_SETTING", "x")));

        assertThat(providers).extracting(OidcProviderProperties::name).containsExactlyInAnyOrder("corp-okta", "google", "github");
        OidcProviderProperties okta = providers.stream().filter(p -> p.name().equals("corp-okta")).findFirst().orElseThrow();
        assertThat(okta.issuer()).isEqualTo("https://acme.okta.example/oauth2/default");
        assertThat(okta.clientId()).isEqualTo("client");
        assertThat(okta.clientSecret()).isEqualTo("secret");
        assertThat(okta.displayName()).isEqualTo("Acme Okta");
        assertThat(okta.allowedHosts()).containsExactly("a.example", "b.example");
        assertThat(okta.scopes()).isEqualTo("openid email profile");
        assertThat(okta.type()).isEqualTo("oidc");
        assertThat(okta.toString()).doesNotContain("secret");
        OidcProviderProperties github = providers.stream().filter(p -> p.name().equals("github")).findFirst().orElseThrow();
        assertThat(github.type()).isEqualTo("oauth2");
        assertThat(github.tokenEndpoint()).isEqualTo("https://github.com/login/oauth/access_token");
        assertThat(github.tokenEndpointAuthMethod()).as("the longer suffix, not the token endpoint of a provider 'github-token-endpoint-auth'")
                .isEqualTo("client_secret_post");
        assertThat(github.emailVerifiedField()).isEqualTo("verified");
    }
}
