package io.gatehouse.domain.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An email domain a workspace's IdP may vouch for. Normalised to lower case without a trailing
 * dot. Public email providers and public suffixes are refused: claiming {@code gmail.com} would let
 * one workspace's IdP assert anybody's identity.
 */
public final class EmailDomain {

    private static final Set<String> SHARED = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
            "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de", "gmx.net",
            "web.de", "mail.com", "yandex.com", "yandex.ru", "qq.com", "163.com", "126.com", "zoho.com", "fastmail.com",
            "hey.com", "tutanota.com", "mail.ru", "example.com", "example.org", "example.net");
    /** Second-level public suffixes that are not registrable domains themselves (a pragmatic subset of the PSL). */
    private static final Set<String> PUBLIC_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "ne.jp", "com.br", "com.cn",
            "com.mx", "co.in", "co.za", "com.tr", "com.sg", "com.hk", "co.kr", "github.io", "herokuapp.com", "vercel.app",
            "netlify.app", "pages.dev", "blogspot.com", "appspot.com", "cloudfront.net", "azurewebsites.net");

    private EmailDomain() {
    }

    /** The normalised domain, or why it cannot be claimed. */
    public static Result check(String raw) {
        if (raw == null || raw.isBlank()) {
            return invalid("must not be empty");
        }
        String domain = raw.strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.startsWith("@")) {
            domain = domain.substring(1);
        }
        if (Email.parse("probe@" + domain).isEmpty() || domain.length() > SsoConfiguration.MAX_DOMAIN_LENGTH) {
            return invalid("is not a domain name");
        }
        if (SHARED.contains(domain) || PUBLIC_SUFFIXES.contains(domain)) {
            return new Result(Optional.empty(), "is a public email provider or public suffix and cannot be claimed", ErrorCode.PUBLIC_DOMAIN);
        }
        return new Result(Optional.of(domain), null, null);
    }

    private static Result invalid(String problem) {
        return new Result(Optional.empty(), problem, ErrorCode.INVALID_DOMAIN);
    }

    /** @param code {@code invalid_domain} or {@code public_domain} when refused, else null */
    public record Result(Optional<String> domain, String problem, ErrorCode code) {
    }
}
