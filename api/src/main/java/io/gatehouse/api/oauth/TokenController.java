package io.gatehouse.api.oauth;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.api.security.ClientInfoResolver;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.port.in.OAuthTokenUseCase;
import io.gatehouse.domain.port.in.OAuthTokenUseCase.ClientCredentials;
import io.gatehouse.domain.port.in.OAuthTokenUseCase.Introspection;
import io.gatehouse.domain.port.in.OAuthTokenUseCase.OAuthError;
import io.gatehouse.domain.port.in.OAuthTokenUseCase.OAuthTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The token endpoint (RFC 6749 3.2, OpenID Connect Core 3.1.3), UserInfo (Core 5.3), revocation (RFC 7009) and
 * introspection (RFC 7662). Nimbus's SDK parses each request (client authentication included) and builds each answer;
 * the decisions are {@link OAuthTokenUseCase}'s. Answers carrying tokens are never cached (RFC 6749 5.1).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OpenID Provider")
class TokenController {

    static final String TOKEN = "/oauth2/token";
    static final String USERINFO = "/oauth2/userinfo";
    static final String REVOKE = "/oauth2/revoke";
    static final String INTROSPECT = "/oauth2/introspect";
    private static final int MAX_FIELD = 4096;

    private final OAuthTokenUseCase tokens;
    private final ClientInfoResolver clients;
    private final PublicUrl publicUrl;

    TokenController(OAuthTokenUseCase tokens, ClientInfoResolver clients, PublicUrl publicUrl) {
        this.tokens = tokens;
        this.clients = clients;
        this.publicUrl = publicUrl;
    }

    @Post(value = TOKEN, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange an authorization code (with its PKCE verifier) or a refresh token for tokens")
    HttpResponse<?> token(HttpRequest<?> http, @Body Map<String, String> form) {
        TokenRequest request;
        try {
            request = TokenRequest.parse(nimbus(http, TOKEN, form));
        } catch (ParseException e) {
            return error(e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST, http);
        }
        ClientCredentials client = credentials(request.getClientAuthentication(), request.getClientID());
        var outcome = switch (request.getAuthorizationGrant()) {
            case AuthorizationCodeGrant code -> tokens.exchangeCode(client, code.getAuthorizationCode().getValue(),
                    code.getRedirectionURI() == null ? null : code.getRedirectionURI().toString(),
                    code.getCodeVerifier() == null ? null : code.getCodeVerifier().getValue(), clients.resolve(http));
            case RefreshTokenGrant refresh -> tokens.refresh(client, refresh.getRefreshToken().getValue(),
                    request.getScope() == null ? List.of() : request.getScope().toStringList(), clients.resolve(http));
            // RFC 9700 2.4: no password grant here; nor client credentials, device or token exchange.
            default -> new OAuthError("unsupported_grant_type", "only authorization_code and refresh_token");
        };
        return switch (outcome) {
            case OAuthTokens issued -> noStore(HttpResponse.ok(new OIDCTokenResponse(new OIDCTokens(issued.idToken(),
                    new BearerAccessToken(issued.accessToken(), issued.expiresInSeconds(), new Scope(issued.scopes().toArray(String[]::new))),
                    new RefreshToken(issued.refreshToken()))).toJSONObject().toJSONString()).contentType(MediaType.APPLICATION_JSON_TYPE));
            case OAuthError error -> error(error, http);
        };
    }

    @Get(USERINFO)
    @Operation(summary = "The signed-in person's claims for the scopes granted (Bearer access token of a client)")
    HttpResponse<?> userInfo(HttpRequest<?> http) {
        String authorization = http.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
        return tokens.userInfo(token)
                .<HttpResponse<?>>map(claims -> noStore(HttpResponse.ok(claims)))
                // RFC 6750 3.1: the challenge says why.
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, token == null
                        ? "Bearer realm=\"gatehouse\"" : "Bearer realm=\"gatehouse\", error=\"invalid_token\"")
                        .contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("error", "invalid_token")));
    }

    @Post(value = USERINFO, consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    @Operation(summary = "UserInfo by POST (OpenID Connect Core 5.3.1)")
    HttpResponse<?> userInfoByPost(HttpRequest<?> http) {
        return userInfo(http);
    }

    @Post(value = REVOKE, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "RFC 7009: revoke a refresh token of the calling client (its whole family); 200 whatever the token")
    HttpResponse<?> revoke(HttpRequest<?> http, @Body Map<String, String> form) {
        TokenRevocationRequest request;
        try {
            request = TokenRevocationRequest.parse(nimbus(http, REVOKE, form));
        } catch (ParseException e) {
            return error(e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST, http);
        }
        return tokens.revoke(credentials(request.getClientAuthentication(), request.getClientID()), request.getToken().getValue())
                .<HttpResponse<?>>map(error -> error(error, http))
                .orElseGet(() -> noStore(HttpResponse.ok()));
    }

    @Post(value = INTROSPECT, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 7662: whether a token of the calling (confidential) client is active, and what it stands for")
    HttpResponse<?> introspect(HttpRequest<?> http, @Body Map<String, String> form) {
        TokenIntrospectionRequest request;
        try {
            request = TokenIntrospectionRequest.parse(nimbus(http, INTROSPECT, form));
        } catch (ParseException e) {
            return error(e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST, http);
        }
        if (request.getClientAuthentication() == null) {
            return error(new OAuthError("invalid_client", "introspection is for confidential clients"), http);
        }
        return switch (tokens.introspect(credentials(request.getClientAuthentication(), null), request.getToken().getValue())) {
            case Introspection answer -> noStore(HttpResponse.ok(answer.claims()));
            case OAuthError error -> error(error, http);
        };
    }

    /** CORS preflights of a single-page application (a public client); {@link BrowserClientCorsFilter} says which origins. */
    @Options(TOKEN)
    HttpResponse<?> tokenPreflight() {
        return HttpResponse.noContent();
    }

    @Options(USERINFO)
    HttpResponse<?> userInfoPreflight() {
        return HttpResponse.noContent();
    }

    @Options(REVOKE)
    HttpResponse<?> revokePreflight() {
        return HttpResponse.noContent();
    }

    /** The request as Nimbus's SDK reads it: the form re-encoded (each field bounded), the Authorization header as sent. */
    private HTTPRequest nimbus(HttpRequest<?> http, String path, @Nullable Map<String, String> form) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, URI.create(publicUrl.resolve(path)));
        request.setEntityContentType(ContentType.APPLICATION_URLENCODED);
        Map<String, List<String>> fields = form == null ? Map.of() : form.entrySet().stream()
                .filter(entry -> entry.getValue() != null && entry.getValue().length() <= MAX_FIELD)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue())));
        request.setBody(URLUtils.serializeParameters(fields));
        String authorization = http.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() <= MAX_FIELD) {
            request.setAuthorization(authorization);
        }
        return request;
    }

    private static ClientCredentials credentials(@Nullable ClientAuthentication authentication, @Nullable ClientID clientId) {
        if (authentication instanceof PlainClientSecret secret) {
            return new ClientCredentials(secret.getClientID().getValue(), secret.getClientSecret().getValue());
        }
        if (authentication != null) {
            // private_key_jwt and the like are not offered: authentication fails.
            return new ClientCredentials(null, null);
        }
        return new ClientCredentials(clientId == null ? null : clientId.getValue(), null);
    }

    private static MutableHttpResponse<?> error(ErrorObject error, HttpRequest<?> http) {
        return error(new OAuthError(error.getCode(), error.getDescription()), http);
    }

    /** RFC 6749 5.2: 400, or 401 for a failed client authentication (with a Basic challenge when Basic was tried). */
    private static MutableHttpResponse<?> error(OAuthError error, HttpRequest<?> http) {
        boolean client = error.isClientAuthentication();
        MutableHttpResponse<?> response = HttpResponse.status(client ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(error.description() == null ? Map.of("error", error.error())
                        : Map.of("error", error.error(), "error_description", error.description()));
        String authorization = http.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (client && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gatehouse\"");
        }
        return noStore(response);
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
