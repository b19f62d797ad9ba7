package io.gatehouse.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.domain.port.out.DnsTxtResolver.NoSuchName;
import io.gatehouse.domain.port.out.DnsTxtResolver.NoTxtRecord;
import io.gatehouse.domain.port.out.DnsTxtResolver.ResolverFailure;
import io.gatehouse.domain.port.out.DnsTxtResolver.TxtRecords;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production resolver against a DNS server on loopback: every answer a domain admin may meet. */
class DnsJavaTxtResolverTest {

    private final LoopbackDnsServer server = new LoopbackDnsServer();
    private final LoopbackDnsServer second = new LoopbackDnsServer();

    @AfterEach
    void stop() {
        server.close();
        second.close();
    }

    @Test
    void readsTxtRecordsAndTellsNoRecordFromNoName() {
        server.txt("_gatehouse-challenge.acme.test", "gatehouse-domain-verification=abc", "v=spf1 -all");
        server.txt("exists.acme.test");
        DnsJavaTxtResolver resolver = resolver(server);

        assertThat(resolver.lookup("_gatehouse-challenge.acme.test")).isEqualTo(
                new TxtRecords(List.of("gatehouse-domain-verification=abc", "v=spf1 -all")));
        assertThat(resolver.lookup("exists.acme.test")).isInstanceOf(NoTxtRecord.class);
        assertThat(resolver.lookup("missing.acme.test")).isInstanceOf(NoSuchName.class);
    }

    @Test
    void aRecordJustPublishedIsSeenAtOnceBecauseNothingIsCached() {
        DnsJavaTxtResolver resolver = resolver(server);
        assertThat(resolver.lookup("_gatehouse-challenge.late.test")).isInstanceOf(NoSuchName.class);

        server.txt("_gatehouse-challenge.late.test", "gatehouse-domain-verification=now");

        assertThat(resolver.lookup("_gatehouse-challenge.late.test")).isEqualTo(new TxtRecords(List.of("gatehouse-domain-verification=now")));
    }

    @Test
    void aSilentResolverTimesOutAndTheNextOneAnswers() {
        server.silent(true);
        second.txt("x.test", "value");

        assertThat(new DnsJavaTxtResolver(List.of(server.socketAddress()), Duration.ofMillis(300)).lookup("x.test"))
                .isInstanceOfSatisfying(ResolverFailure.class, f -> assertThat(f.reason())
                        .contains(server.address()).contains("timeout after 300 ms"));
        assertThat(new DnsJavaTxtResolver(List.of(server.socketAddress(), second.socketAddress()), Duration.ofMillis(300))
                .lookup("x.test")).isEqualTo(new TxtRecords(List.of("value")));
    }

    @Test
    void servfailIsAFailureNamingTheResolver() {
        server.failing(true);

        assertThat(resolver(server).lookup("x.test")).isInstanceOfSatisfying(ResolverFailure.class,
                f -> assertThat(f.reason()).isEqualTo(server.address() + " answered SERVFAIL"));
    }

    @Test
    void parsesResolverListsWithPortsAndIpv6() {
        assertThat(DnsJavaTxtResolver.parseServers(" 127.0.0.1 , 127.0.0.2:5353,[::1]:5300, [::1]")).containsExactly(
                new InetSocketAddress("127.0.0.1", 53), new InetSocketAddress("127.0.0.2", 5353), new InetSocketAddress("::1", 5300),
                new InetSocketAddress("::1", 53));
        assertThatThrownBy(() -> DnsJavaTxtResolver.parseServers("127.0.0.1:dns")).hasMessageContaining("127.0.0.1:dns");
        assertThatThrownBy(() -> DnsJavaTxtResolver.parseServers("127.0.0.1:70000")).hasMessageContaining("valid port");
    }

    private static DnsJavaTxtResolver resolver(LoopbackDnsServer dns) {
        return new DnsJavaTxtResolver(List.of(dns.socketAddress()), Duration.ofSeconds(2));
    }
}
