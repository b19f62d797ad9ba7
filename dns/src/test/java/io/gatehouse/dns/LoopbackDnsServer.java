package io.gatehouse.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/**
 * An authoritative DNS server for tests, on a UDP socket on loopback: it speaks the real wire
 * protocol, so the resolver code under test is the production one. A name it was told about answers
 * its TXT records (or none); any other name is NXDOMAIN; {@link #silent} makes it drop every query
 * (a resolver timeout), {@link #failing} answers SERVFAIL.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<Name, List<String>> records = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile boolean silent;
    private volatile boolean failing;
    private final Thread loop;

    public LoopbackDnsServer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
        loop = new Thread(this::serve, "loopback-dns");
        loop.setDaemon(true);
        loop.start();
    }

    /** {@code host:port}, as GATEHOUSE_DNS_RESOLVERS takes it. */
    public String address() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    public InetSocketAddress socketAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The name exists with these TXT values (none: it exists without TXT records). */
    public LoopbackDnsServer txt(String name, String... values) {
        records.put(name(name), List.of(values));
        return this;
    }

    public void remove(String name) {
        records.remove(name(name));
    }

    public void silent(boolean value) {
        silent = value;
    }

    public void failing(boolean value) {
        failing = value;
    }

    public int queries() {
        return queries.get();
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                queries.incrementAndGet();
                if (silent) {
                    continue;
                }
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire(512);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(query.getQuestion(), Section.QUESTION);
        if (failing) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        Name name = query.getQuestion().getName();
        List<String> values = records.get(name);
        if (values == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        for (String value : values) {
            response.addRecord(new TXTRecord(name, DClass.IN, 60, value), Section.ANSWER);
        }
        return response;
    }

    @Override
    public void close() {
        socket.close();
    }
}
