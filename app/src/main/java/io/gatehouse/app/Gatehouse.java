package io.gatehouse.app;

import io.micronaut.runtime.Micronaut;

public final class Gatehouse {

    private Gatehouse() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Gatehouse.class).start();
    }
}
