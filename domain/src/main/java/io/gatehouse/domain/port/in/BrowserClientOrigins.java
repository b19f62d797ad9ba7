package io.gatehouse.domain.port.in;

/**
 * Which web origins may call the OpenID Provider's endpoints from a browser's script (CORS): those of the redirect URIs
 * of registered public clients (single-page applications), and no other.
 */
public interface BrowserClientOrigins {

    boolean allows(String origin);
}
