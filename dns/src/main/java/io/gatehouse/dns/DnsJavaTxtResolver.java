package io.gatehouse.dns;

import io.gatehouse.domain.port.out.DnsTxtResolver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks each configured resolver in turn for the name's TXT records (a recursive query, RFC 1035
 * 4.1.1 RD), and returns the first definitive answer: records, no records (NOERROR with an empty
 * answer, RFC 2308 2.2), or NXDOMAIN. A resolver that times out or answers SERVFAIL/REFUSED is
 * skipped; when none answers, the failure of each is reported so that an admin can act on it.
 */
public final class DnsJavaTxtResolver implements DnsTxtResolver {

    private final List<InetSocketAddress> servers;
    private final Duration timeout;

    public DnsJavaTxtResolver(List<InetSocketAddress> servers, Duration timeout) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS resolver is needed");
        }
        this.servers = List.copyOf(servers);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The resolvers of this machine (resolv.conf and its equivalents), as dnsjava reads them. */
    public static List<InetSocketAddress> systemResolvers() {
        return ResolverConfig.getCurrentConfig().servers();
    }

    /**
     * Parses {@code host[:port]} entries separated by commas ({@code 10.0.0.2, [::1]:5353, ns.example:53});
     * the port defaults to 53.
     *
     * @throws IllegalArgumentException naming the entry that is not a resolver address
     */
    public static List<InetSocketAddress> parseServers(String commaSeparated) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String host = entry;
            int port = 53;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("DNS resolver '" + entry + "' has an unclosed IPv6 bracket");
                }
                host = entry.substring(1, close);
                if (entry.length() > close + 1) {
                    port = port(entry, entry.substring(close + 1));
                }
            } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
                host = entry.substring(0, entry.indexOf(':'));
                port = port(entry, entry.substring(entry.indexOf(':')));
            }
            servers.add(new InetSocketAddress(host, port));
        }
        return servers;
    }

    private static int port(String entry, String colonAndPort) {
        try {
            int port = Integer.parseInt(colonAndPort.substring(1));
            if (colonAndPort.charAt(0) == ':' && port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw new IllegalArgumentException("DNS resolver '" + entry + "' does not have a valid port");
    }

    @Override
    public TxtAnswer lookup(String name) {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.TXT, DClass.IN));
        } catch (TextParseException e) {
            return new ResolverFailure("'" + name + "' is not a DNS name");
        }
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            String where = server.getHostString() + ":" + server.getPort();
            try {
                SimpleResolver resolver = new SimpleResolver(server);
                resolver.setTimeout(timeout);
                Message response = resolver.send(query);
                int rcode = response.getRcode();
                if (rcode == Rcode.NXDOMAIN) {
                    return new NoSuchName();
                }
                if (rcode != Rcode.NOERROR) {
                    failures.add(where + " answered " + Rcode.string(rcode));
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (Record answer : response.getSection(Section.ANSWER)) {
                    if (answer instanceof TXTRecord txt) {
                        // RFC 1035 3.3.14: one TXT record may carry several character-strings; they form one value.
                        values.add(String.join("", txt.getStrings()));
                    }
                }
                return values.isEmpty() ? new NoTxtRecord() : new TxtRecords(values);
            } catch (IOException e) {
                failures.add(where + " gave no answer (" + describe(e) + ")");
            }
        }
        return new ResolverFailure(String.join("; ", failures));
    }

    private String describe(IOException e) {
        return e instanceof java.net.SocketTimeoutException || String.valueOf(e.getMessage()).toLowerCase().contains("timed out")
                ? "timeout after " + timeout.toMillis() + " ms" : e.getClass().getSimpleName();
    }
}
