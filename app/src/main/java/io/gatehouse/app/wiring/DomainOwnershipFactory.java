package io.gatehouse.app.wiring;

import io.gatehouse.app.config.DnsProperties;
import io.gatehouse.dns.DnsJavaTxtResolver;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.DnsTxtResolver;
import io.gatehouse.domain.port.out.DomainClaims;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import io.gatehouse.domain.service.DomainOwnershipService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Domain ownership: claims in the database, TXT lookups through the configured resolvers. */
@Factory
class DomainOwnershipFactory {

    @Singleton
    DnsTxtResolver dnsTxtResolver(DnsProperties properties) {
        String configured = properties.resolvers();
        return new DnsJavaTxtResolver(configured == null || configured.isBlank()
                ? DnsJavaTxtResolver.systemResolvers() : DnsJavaTxtResolver.parseServers(configured), properties.timeout());
    }

    @Singleton
    DomainOwnershipService domainOwnershipService(DomainClaims claims, DnsTxtResolver dns, Memberships memberships, Users users,
                                                  Workspaces workspaces, AuditLog audit, SecureRandom random, Clock clock) {
        return new DomainOwnershipService(claims, dns, memberships, users, workspaces, audit, random, clock);
    }
}
