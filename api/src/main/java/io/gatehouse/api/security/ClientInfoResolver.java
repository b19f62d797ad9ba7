package io.gatehouse.api.security;

import io.gatehouse.domain.port.in.ClientInfo;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/**
 * The client's address as Micronaut resolves it: the TCP peer, unless the operator configured a
 * trusted proxy header ({@code micronaut.server.client-address-header}). A forwarded-for header is
 * never trusted by default, since any client can send one to dodge per-IP throttling.
 */
@Singleton
public final class ClientInfoResolver {

    private static final int MAX_IP_LENGTH = 64;
    private final HttpClientAddressResolver addresses;

    ClientInfoResolver(HttpClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    public ClientInfo resolve(HttpRequest<?> request) {
        String ip = addresses.resolve(request);
        if (ip != null && ip.length() > MAX_IP_LENGTH) {
            ip = ip.substring(0, MAX_IP_LENGTH);
        }
        return new ClientInfo(ip, request.getHeaders().get(HttpHeaders.USER_AGENT));
    }
}
