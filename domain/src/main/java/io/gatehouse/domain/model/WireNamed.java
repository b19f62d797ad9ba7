package io.gatehouse.domain.model;

import java.util.Locale;
import java.util.Optional;

/** An enum whose constants travel over the wire as their lower-case names ({@code owner}, {@code saml}). */
public interface WireNamed {

    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireNamed> Optional<E> parse(Class<E> type, String wireName) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName().equals(wireName)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
