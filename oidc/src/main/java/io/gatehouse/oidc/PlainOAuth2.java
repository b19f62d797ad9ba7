package io.gatehouse.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.JSONArrayUtils;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.OpenIdIdentity;
import io.gatehouse.domain.port.out.OpenIdProviders.ProviderRefusal;
import io.gatehouse.domain.port.out.OpenIdProviders.Redeemed;
import io.gatehouse.domain.port.out.OpenIdProviders.RedeemOutcome;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A plain OAuth 2.0 provider (GitHub and the like: no ID token): the authorization code flow with PKCE S256 and
 * state, the code redeemed for an access token, and the person read from the UserInfo endpoint the operator named,
 * at the paths the operator named. No nonce (there is no ID token to carry it); the state, bound to the browser,
 * is what ties the answer to the sign-in. The id is the identity key; the email counts only when the provider's
 * answer says it is verified (never assumed).
 */
final class PlainOAuth2 {

    private final BoundedHttp http;
    private final URI callback;

    PlainOAuth2(BoundedHttp http, URI callback) {
        this.http = http;
        this.callback = callback;
    }

    String authorizationUrl(ProviderSettings provider, String state, String codeVerifier) {
        return new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(provider.clientId()))
                .endpointURI(provider.oauth2().authorization())
                .redirectionURI(callback)
                .scope(new Scope(provider.scopes().toArray(String[]::new)))
                .state(new State(state))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                .build().toURI().toString();
    }

    RedeemOutcome redeem(ProviderSettings provider, String code, String codeVerifier) {
        ProviderSettings.OAuth2 endpoints = provider.oauth2();
        ClientID id = new ClientID(provider.clientId());
        Secret secret = new Secret(provider.clientSecret());
        TokenRequest request = new TokenRequest(endpoints.token(), endpoints.postCredentials() ? new ClientSecretPost(id, secret)
                : new ClientSecretBasic(id, secret), new AuthorizationCodeGrant(new AuthorizationCode(code), callback, new CodeVerifier(codeVerifier)));
        try {
            HTTPRequest tokenRequest = request.toHTTPRequest();
            // GitHub answers form-encoded unless asked for JSON.
            tokenRequest.setAccept("application/json");
            TokenResponse response = TokenResponse.parse(http.send(tokenRequest));
            if (!response.indicatesSuccess()) {
                var error = response.toErrorResponse().getErrorObject();
                return new ProviderRefusal(ErrorCode.OIDC_CODE_REFUSED, "the token endpoint refused the code: " + error.getCode());
            }
            BearerAccessToken accessToken = response.toSuccessResponse().getTokens().getBearerAccessToken();
            if (accessToken == null) {
                return new ProviderRefusal(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, "the token endpoint gave no bearer access token");
            }
            Map<String, Object> user = JSONObjectUtils.parse(get(endpoints.userInfo(), accessToken).getBody());
            Object subject = at(user, endpoints.idField());
            if (!(subject instanceof String || subject instanceof Number)) {
                return new ProviderRefusal(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, "the user info has no '" + endpoints.idField() + "'");
            }
            Object email = at(user, endpoints.emailField());
            Object verified = at(user, endpoints.emailVerifiedField());
            if (endpoints.emails() != null && verified == null) {
                for (Object entry : JSONArrayUtils.parse(get(endpoints.emails(), accessToken).getBody())) {
                    if (entry instanceof Map<?, ?> address && Boolean.TRUE.equals(address.get("primary"))) {
                        email = address.get("email");
                        verified = address.get("verified");
                    }
                }
            }
            Object name = user.get("name");
            return new Redeemed(new OpenIdIdentity(String.valueOf(subject), email instanceof String text ? text : null,
                    Boolean.TRUE.equals(verified), name instanceof String text ? text : null));
        } catch (IOException | ParseException e) {
            return new ProviderRefusal(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, "the provider's answer was unusable: " + e.getMessage());
        }
    }

    private HTTPResponse get(URI endpoint, BearerAccessToken token) throws IOException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, endpoint);
        request.setAuthorization(token.toAuthorizationHeader());
        request.setAccept("application/json");
        HTTPResponse response = http.send(request);
        if (response.getStatusCode() != 200) {
            throw new IOException(endpoint + " answered HTTP " + response.getStatusCode());
        }
        return response;
    }

    /** The value at a dotted path ({@code data.user.id}) of a JSON object, or null. */
    static Object at(Map<String, Object> json, String path) {
        Object value = json;
        for (String step : List.of(path.split("\\."))) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(step);
        }
        return value;
    }
}
