package io.gatehouse.domain.port.in;

/** Where a request came from, as far as the edge could tell: for throttling and the session list. */
public record ClientInfo(String ip, String userAgent) {
    public ClientInfo {
        ip = ip == null || ip.isBlank() ? "unknown" : ip;
    }
}
