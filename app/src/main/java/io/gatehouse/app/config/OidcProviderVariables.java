package io.gatehouse.app.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instance providers from environment variables, {@code GATEHOUSE_OIDC_PROVIDERS_<NAME>_<SETTING>}, read by their
 * fixed suffixes so that a name may hold words: {@code GATEHOUSE_OIDC_PROVIDERS_CORP_OKTA_CLIENT_ID} is the
 * {@code client-id} of {@code corp-okta}. Micronaut's own mapping of environment variables would read it as
 * nested properties of a provider {@code corp}, and cannot tell a dash from a dot.
 */
public final class OidcProviderVariables {

    private static final Pattern VARIABLE = Pattern.compile(
            "GATEHOUSE_OIDC_PROVIDERS_([A-Z0-9_]+?)_(ISSUER|CLIENT_ID|CLIENT_SECRET|DISPLAY_NAME|SCOPES|TYPE|ALLOWED_HOSTS"
                    + "|AUTHORIZATION_ENDPOINT|TOKEN_ENDPOINT|USERINFO_ENDPOINT|EMAILS_ENDPOINT|ID_FIELD|EMAIL_FIELD|EMAIL_VERIFIED_FIELD"
                    + "|TOKEN_ENDPOINT_AUTH_METHOD)");

    private OidcProviderVariables() {
    }

    public static List<OidcProviderProperties> read(Map<String, String> environment) {
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        environment.forEach((variable, value) -> {
            Matcher matcher = VARIABLE.matcher(variable);
            if (matcher.matches()) {
                String name = matcher.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
                byName.computeIfAbsent(name, key -> new LinkedHashMap<>()).put(matcher.group(2), value);
            }
        });
        List<OidcProviderProperties> providers = new ArrayList<>();
        byName.forEach((name, settings) -> providers.add(new OidcProviderProperties(name, settings.get("ISSUER"), settings.get("CLIENT_ID"),
                settings.get("CLIENT_SECRET"), settings.get("DISPLAY_NAME"), settings.getOrDefault("SCOPES", "openid email profile"),
                settings.getOrDefault("TYPE", "oidc"), settings.containsKey("ALLOWED_HOSTS")
                ? Arrays.stream(settings.get("ALLOWED_HOSTS").split(",")).map(String::strip).filter(host -> !host.isEmpty()).toList()
                : null, settings.get("AUTHORIZATION_ENDPOINT"), settings.get("TOKEN_ENDPOINT"), settings.get("USERINFO_ENDPOINT"),
                settings.get("EMAILS_ENDPOINT"), settings.get("ID_FIELD"), settings.get("EMAIL_FIELD"), settings.get("EMAIL_VERIFIED_FIELD"),
                settings.getOrDefault("TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_basic"))));
        return providers;
    }
}
