package io.gatehouse.api.security;

import io.gatehouse.domain.model.PublicUrl;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpHostResolver;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;

/**
 * Gatehouse's own host is the configured public URL ({@code GATEHOUSE_PUBLIC_URL}), never one read
 * from the request: {@code Host} and {@code X-Forwarded-*} are the client's to write. The default
 * resolver parsed those headers for every bearer request (micronaut-security resolves the host for
 * each validated token's event), a few percent of the request's time, for an answer that must not
 * depend on them.
 */
@Singleton
@Replaces(DefaultHttpHostResolver.class)
final class ConfiguredHostResolver implements HttpHostResolver {

    private final String origin;

    ConfiguredHostResolver(PublicUrl publicUrl) {
        this.origin = publicUrl.origin();
    }

    @Override
    public String resolve(HttpRequest request) {
        return origin;
    }
}
