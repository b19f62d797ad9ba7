package io.gatehouse.domain.port.out;

import java.util.List;

/** Looks up the TXT records of a name through the configured DNS resolvers, without caching beyond the answer's TTL. */
public interface DnsTxtResolver {

    TxtAnswer lookup(String name);

    /** What the resolvers said, each a distinct case a domain admin can act on. */
    sealed interface TxtAnswer {
    }

    /** The name has TXT records; each value is the concatenation of its character-strings (RFC 1035 3.3.14). */
    record TxtRecords(List<String> values) implements TxtAnswer {
        public TxtRecords {
            values = List.copyOf(values);
        }
    }

    /** The name exists but has no TXT record (NOERROR with an empty answer). */
    record NoTxtRecord() implements TxtAnswer {
    }

    /** The name does not exist (NXDOMAIN). */
    record NoSuchName() implements TxtAnswer {
    }

    /** No resolver gave an answer: timeouts, SERVFAIL, REFUSED, network errors. */
    record ResolverFailure(String reason) implements TxtAnswer {
    }
}
