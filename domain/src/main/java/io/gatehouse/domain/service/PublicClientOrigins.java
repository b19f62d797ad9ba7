package io.gatehouse.domain.service;

import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.port.in.BrowserClientOrigins;
import io.gatehouse.domain.port.out.OAuthClients;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The origins of public clients' redirect URIs: a single-page application redeems its code and calls UserInfo from the
 * page it was sent back to. Confidential clients call from their servers and need no CORS; no credentials (cookies) are
 * ever allowed cross-origin.
 */
public final class PublicClientOrigins implements BrowserClientOrigins {

    private final OAuthClients clients;

    public PublicClientOrigins(OAuthClients clients) {
        this.clients = clients;
    }

    @Override
    public boolean allows(String origin) {
        if (origin == null || origin.length() > OAuthClient.MAX_URI_LENGTH) {
            return false;
        }
        return clients.list().stream().filter(client -> !client.isConfidential())
                .flatMap(client -> client.redirectUris().stream())
                .anyMatch(uri -> origin.equals(originOf(uri)));
    }

    private static String originOf(String uri) {
        try {
            PublicUrl.Origin origin = PublicUrl.originOf(new URI(uri));
            return origin.isValid() ? origin.value() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
