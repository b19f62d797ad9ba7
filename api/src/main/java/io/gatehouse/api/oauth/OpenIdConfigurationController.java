package io.gatehouse.api.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.domain.model.PublicUrl;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;

/** OpenID Connect Discovery 1.0: what Gatehouse as an OpenID Provider offers, built by Nimbus's SDK. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "OpenID Provider")
class OpenIdConfigurationController {

    private final String document;

    OpenIdConfigurationController(PublicUrl publicUrl) {
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(issuer(publicUrl)), List.of(SubjectType.PUBLIC),
                URI.create(publicUrl.resolve("/.well-known/jwks.json")));
        metadata.setAuthorizationEndpointURI(URI.create(publicUrl.resolve(AuthorizationController.PATH)));
        metadata.setTokenEndpointURI(URI.create(publicUrl.resolve(TokenController.TOKEN)));
        metadata.setUserInfoEndpointURI(URI.create(publicUrl.resolve(TokenController.USERINFO)));
        metadata.setRevocationEndpointURI(URI.create(publicUrl.resolve(TokenController.REVOKE)));
        metadata.setIntrospectionEndpointURI(URI.create(publicUrl.resolve(TokenController.INTROSPECT)));
        metadata.setEndSessionEndpointURI(URI.create(publicUrl.resolve(LogoutController.PATH)));
        metadata.setScopes(new Scope("openid", "email", "profile", "workspaces", "offline_access"));
        // RFC 9700 2.1.1: the authorization code flow only, PKCE S256 only.
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        List<ClientAuthenticationMethod> methods = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE);
        metadata.setTokenEndpointAuthMethods(methods);
        metadata.setRevocationEndpointAuthMethods(methods);
        metadata.setIntrospectionEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST));
        // The key ring signs with RS256, or ES256 when so configured; the JWKS says which key has which.
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256));
        metadata.setClaims(List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "sid", "azp", "email", "email_verified",
                "name", "workspaces"));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        this.document = metadata.toJSONObject().toJSONString();
    }

    /** The issuer: the public URL, without a trailing slash (OpenID Connect Discovery 4.3 compares it exactly). */
    static String issuer(PublicUrl publicUrl) {
        return publicUrl.resolve("");
    }

    @Get("/.well-known/openid-configuration")
    @Operation(summary = "OpenID Connect discovery document (issuer = GATEHOUSE_PUBLIC_URL)")
    HttpResponse<String> configuration() {
        return HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
    }
}
