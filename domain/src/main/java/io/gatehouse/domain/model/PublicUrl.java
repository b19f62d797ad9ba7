package io.gatehouse.domain.model;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * The external base URL of this Gatehouse ({@code GATEHOUSE_PUBLIC_URL}): the origin browsers
 * must send on unsafe cookie requests, the base of SAML entity ids and ACS URLs, the JWT issuer.
 */
public record PublicUrl(URI uri) {

    public PublicUrl {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("public URL must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("public URL must be scheme://host[:port][/path] without user info, query or fragment");
        }
    }

    public static PublicUrl parse(String value) {
        try {
            String trimmed = value.strip();
            return new PublicUrl(new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("public URL is not a valid URI", e);
        }
    }

    /** {@code scheme://host[:port]} in the form browsers send in the {@code Origin} header. */
    public String origin() {
        return originOf(uri).value(); // valid: the constructor checked scheme and host
    }

    /** Plain http on a loopback host: the only case where cookies may go without {@code Secure}. */
    public boolean isLoopbackHttp() {
        return uri.getScheme().equalsIgnoreCase("http") && isLoopbackHost(uri.getHost());
    }

    /** The URL of a path below the public URL, for example {@code /api/v1/auth/saml2/login/...}. */
    public String resolve(String absolutePath) {
        String base = uri.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + absolutePath;
    }

    /** The normalised origin of an absolute http(s) URI (default ports dropped), or an invalid marker. */
    public static Origin originOf(URI candidate) {
        if (candidate == null || candidate.getScheme() == null || candidate.getHost() == null) {
            return Origin.INVALID;
        }
        String scheme = candidate.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Origin.INVALID;
        }
        int port = candidate.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = candidate.getHost().toLowerCase(Locale.ROOT);
        return new Origin(scheme + "://" + host + (defaultPort ? "" : ":" + port));
    }

    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false; // a DNS name other than localhost: never resolve it here
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An origin string, or {@link #INVALID} when the input had none. */
    public record Origin(String value) {
        public static final Origin INVALID = new Origin("");

        public boolean isValid() {
            return !value.isEmpty();
        }

    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
