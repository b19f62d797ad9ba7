package io.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.port.out.OpenIdProviders;
import io.gatehouse.domain.port.out.OpenIdProviders.AuthorizationUrl;
import io.gatehouse.domain.port.out.OpenIdProviders.ProviderRefusal;
import io.gatehouse.domain.port.out.OpenIdProviders.Redeemed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter against the in-test provider: the request it builds, the discovery rules, the ID token checks it delegates to Nimbus. */
class NimbusOpenIdProvidersTest {

    private static final URI CALLBACK = URI.create("http://localhost/api/v1/auth/oidc/callback");
    private static final String VERIFIER = "v".repeat(43);

    private final TestOpenIdProvider provider = new TestOpenIdProvider();
    private final NimbusOpenIdProviders providers = providers(Set.of());

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void theAuthorizationRequestIsACodeRequestWithPkceS256StateAndNonce() {
        String url = ((AuthorizationUrl) providers.authorizationUrl("test", "the-state", "the-nonce", VERIFIER)).url();

        Map<String, String> query = TestOpenIdProvider.queryOf(url);
        assertThat(url).startsWith(provider.issuer() + "/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
                .containsEntry("redirect_uri", CALLBACK.toString()).containsEntry("state", "the-state").containsEntry("nonce", "the-nonce")
                .containsEntry("code_challenge_method", "S256").containsEntry("scope", "openid email profile");
        assertThat(query.get("code_challenge")).isNotBlank().isNotEqualTo(VERIFIER);
    }

    @Test
    void aGoodAnswerGivesTheSubjectAndTheVerifiedEmail() throws Exception {
        provider.signsIn("sub-42", "ada@example.com", true);

        var outcome = redeem("nonce-1", VERIFIER);

        assertThat(outcome).isInstanceOf(Redeemed.class);
        var identity = ((Redeemed) outcome).identity();
        assertThat(identity.subject()).isEqualTo("sub-42");
        assertThat(identity.email()).isEqualTo("ada@example.com");
        assertThat(identity.emailVerified()).isTrue();
    }

    /** OpenID Connect Core 5.4: many providers keep the email for UserInfo; its sub must be the ID token's. */
    @Test
    void theEmailComesFromUserInfoWhenTheIdTokenHasNone() throws Exception {
        provider.signsIn("sub-7", "grace@example.com", false).emailOnlyFromUserInfo();

        var identity = ((Redeemed) redeem("nonce-1", VERIFIER)).identity();

        assertThat(identity.email()).isEqualTo("grace@example.com");
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void aWrongPkceVerifierIsRefusedByTheTokenEndpoint() throws Exception {
        assertThat(refusal(redeem("nonce-1", "w".repeat(43)))).isEqualTo(ErrorCode.OIDC_CODE_REFUSED);
    }

    @Test
    void anAuthorizationResponseNamingAnotherIssuerIsRefused() {
        var outcome = providers.redeem("test", "any-code", VERIFIER, "n", "https://attacker.example");

        assertThat(refusal(outcome)).isEqualTo(ErrorCode.OIDC_ISSUER_MISMATCH);
    }

    /** OpenID Connect Discovery 4.3: the document's issuer must be the one it was fetched for. */
    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefused() {
        provider.discoveryIssuer("https://someone-else.example");

        var outcome = providers.authorizationUrl("test", "s", "n", VERIFIER);

        assertThat(refusal(outcome)).isEqualTo(ErrorCode.OIDC_PROVIDER_UNAVAILABLE);
        assertThat(((ProviderRefusal) outcome).detail()).contains("someone-else.example");
    }

    /** A discovery document cannot aim Gatehouse's calls at another host (SSRF) unless the operator allowed that host. */
    @Test
    void anEndpointOnAnotherHostIsRefusedUnlessAllowed() {
        provider.tokenEndpoint("https://internal.example/token");

        assertThat(refusal(providers.authorizationUrl("test", "s", "n", VERIFIER))).isEqualTo(ErrorCode.OIDC_PROVIDER_UNAVAILABLE);
        assertThat(providers(Set.of("internal.example")).authorizationUrl("test", "s", "n", VERIFIER)).isInstanceOf(AuthorizationUrl.class);
    }

    @Test
    void anIssuerOnPlainHttpElsewhereThanLoopbackIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new NimbusOpenIdProviders(List.of(new ProviderSettings("x", null, URI.create("http://idp.example"), "c",
                "s", null, null)), CALLBACK, Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, Duration.ofSeconds(60), Duration.ofHours(1),
                Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void anOversizedAnswerIsRefused() {
        NimbusOpenIdProviders tiny = new NimbusOpenIdProviders(List.of(settings(Set.of())), CALLBACK, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 64, Duration.ofSeconds(60), Duration.ofHours(1), Clock.systemUTC());

        var outcome = tiny.authorizationUrl("test", "s", "n", VERIFIER);

        assertThat(refusal(outcome)).isEqualTo(ErrorCode.OIDC_PROVIDER_UNAVAILABLE);
        assertThat(((ProviderRefusal) outcome).detail()).contains("larger than 64 bytes");
    }

    /** A workspace's connection speaks the same protocol, with the tenant's settings given at each call. */
    @Test
    void aWorkspaceConnectionSignsInAndFollowsItsSettingsWhenTheyChange() throws Exception {
        NimbusOpenIdProviders tenants = connectionsAllowedOnLoopback();
        provider.signsIn("sub-w", "ada@acme.test", true);

        String url = ((AuthorizationUrl) tenants.authorizationUrl(connection(TestOpenIdProvider.CLIENT_ID), "s", "n-1", VERIFIER)).url();
        assertThat(url).startsWith(provider.issuer() + "/authorize?").contains("client_id=" + TestOpenIdProvider.CLIENT_ID);
        Map<String, String> answer = authorize(url);
        var identity = ((Redeemed) tenants.redeem(connection(TestOpenIdProvider.CLIENT_ID), answer.get("code"), VERIFIER, "n-1",
                answer.get("iss"))).identity();
        assertThat(identity.subject()).isEqualTo("sub-w");

        // The admins changed the client id: the next check uses it (the provider still issues tokens to the old one).
        Map<String, String> again = authorize(((AuthorizationUrl) tenants.authorizationUrl(connection(TestOpenIdProvider.CLIENT_ID), "s", "n-2",
                VERIFIER)).url());
        assertThat(refusal(tenants.redeem(connection("another-client"), again.get("code"), VERIFIER, "n-2", again.get("iss"))))
                .isIn(ErrorCode.OIDC_CODE_REFUSED, ErrorCode.OIDC_AUDIENCE_MISMATCH);
    }

    /** A tenant's issuer must not make Gatehouse call into its own network (SSRF), unless the operator allowed private addresses. */
    @Test
    void aWorkspaceConnectionToAPrivateAddressIsRefusedByDefault() {
        var outcome = providers.authorizationUrl(connection(TestOpenIdProvider.CLIENT_ID), "s", "n", VERIFIER);

        assertThat(refusal(outcome)).isEqualTo(ErrorCode.OIDC_PROVIDER_UNAVAILABLE);
        assertThat(((ProviderRefusal) outcome).detail()).contains("127.0.0.1").contains("not a public address");
        assertThat(refusal(providers.authorizationUrl(new OpenIdProviders.Connection("oidc:w", "http://idp.example", "c", "s",
                List.of("openid")), "s", "n", VERIFIER))).as("plain http off loopback").isEqualTo(ErrorCode.OIDC_PROVIDER_UNAVAILABLE);
    }

    private NimbusOpenIdProviders connectionsAllowedOnLoopback() {
        return new NimbusOpenIdProviders(List.of(), new NimbusOpenIdProviders.ConnectionRules(Set.of(), true), CALLBACK, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 1 << 20, Duration.ofSeconds(60), Duration.ofHours(1), Clock.systemUTC());
    }

    private OpenIdProviders.Connection connection(String clientId) {
        return new OpenIdProviders.Connection("oidc:w", provider.issuer(), clientId, TestOpenIdProvider.CLIENT_SECRET,
                List.of("openid", "email"));
    }

    private static Map<String, String> authorize(String url) throws IOException, InterruptedException {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        return TestOpenIdProvider.queryOf(answer.headers().firstValue("Location").orElseThrow());
    }

    /** Runs the authorization request against the provider (which signs in at once) and redeems the code it answers. */
    private Object redeem(String nonce, String verifierAtRedeem) throws IOException, InterruptedException {
        String url = ((AuthorizationUrl) providers.authorizationUrl("test", "s", nonce, VERIFIER)).url();
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        Map<String, String> callback = TestOpenIdProvider.queryOf(answer.headers().firstValue("Location").orElseThrow());
        return providers.redeem("test", callback.get("code"), verifierAtRedeem, nonce, callback.get("iss"));
    }

    private static ErrorCode refusal(Object outcome) {
        assertThat(outcome).isInstanceOf(ProviderRefusal.class);
        return ((ProviderRefusal) outcome).code();
    }

    private NimbusOpenIdProviders providers(Set<String> allowedHosts) {
        return new NimbusOpenIdProviders(List.of(settings(allowedHosts)), CALLBACK, Duration.ofSeconds(2), Duration.ofSeconds(2), 1 << 20,
                Duration.ofSeconds(60), Duration.ofMillis(1), Clock.systemUTC());
    }

    private ProviderSettings settings(Set<String> allowedHosts) {
        return new ProviderSettings("test", "Test", URI.create(provider.issuer()), TestOpenIdProvider.CLIENT_ID, TestOpenIdProvider.CLIENT_SECRET,
                null, allowedHosts);
    }
}
