package io.gatehouse.domain.fakes;

import io.gatehouse.domain.port.out.DnsTxtResolver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Answers TXT lookups from a map the test fills; a name it does not know is NXDOMAIN. */
public final class FakeDns implements DnsTxtResolver {

    private final Map<String, TxtAnswer> answers = new ConcurrentHashMap<>();

    public void answer(String name, TxtAnswer answer) {
        answers.put(name, answer);
    }

    @Override
    public TxtAnswer lookup(String name) {
        return answers.getOrDefault(name, new NoSuchName());
    }
}
