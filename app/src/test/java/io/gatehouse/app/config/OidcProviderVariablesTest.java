package io.gatehouse.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's variables, GATEHOUSE_OIDC_PROVIDERS_<NAME>_<SETTING>, with names of several words. */
class OidcProviderVariablesTest {

    @Test
    void aNameOfSeveralWordsKeepsItsDashesAndEverySettingIsRead() {
        List<OidcProviderProperties> providers = OidcProviderVariables.read(Map.of(
                "GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_ISSUER", "https://acme.okta.example/oauth2/default",
                "GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_CLIENT_ID", "client",
                "GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_CLIENT_SECRET", "secret",
                "GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_DISPLAY_NAME", "Acme Okta",
                "GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_ALLOWED_HOSTS", "a.example, b.example",
                "GATEHOUSE_OIDC_PROVIDERS_GOOGLE_CLIENT_ID", "g",
                "GATEHOUSE_OTHER_SETTING", "x"));

        assertThat(providers).extracting(OidcProviderProperties::name).containsExactlyInAnyOrder("corp-okta", "google");
        OidcProviderProperties okta = providers.stream().filter(p -> p.name().equals("corp-okta")).findFirst().orElseThrow();
        assertThat(okta.issuer()).isEqualTo("https://acme.okta.example/oauth2/default");
        assertThat(okta.clientId()).isEqualTo("client");
        assertThat(okta.clientSecret()).isEqualTo("secret");
        assertThat(okta.displayName()).isEqualTo("Acme Okta");
        assertThat(okta.allowedHosts()).containsExactly("a.example", "b.example");
        assertThat(okta.scopes()).isEqualTo("openid email profile");
        assertThat(okta.type()).isEqualTo("oidc");
        assertThat(okta.toString()).doesNotContain("secret");
    }
}
