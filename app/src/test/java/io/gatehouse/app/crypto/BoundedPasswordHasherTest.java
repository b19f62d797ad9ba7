package io.gatehouse.app.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.port.out.PasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedPasswordHasherTest {

    /** Records how many computations overlap; each one lasts long enough for the others to pile up. */
    private static class OverlapRecorder implements PasswordHasher {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        private <T> T compute(T result) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return result;
        }

        @Override
        public PasswordHash hash(String password) {
            return compute(new PasswordHash("$recorded$" + password));
        }

        @Override
        public boolean matches(String password, PasswordHash hash) {
            return compute(hash.encoded().equals("$recorded$" + password));
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return false;
        }
    }

    @Test
    void noMoreHashesRunAtOnceThanThePermits() throws Exception {
        OverlapRecorder recorder = new OverlapRecorder();
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(recorder, 2);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String password = "password " + i;
            boolean hashOnly = i % 2 == 0;
            results.add(threads.submit(() -> {
                start.await();
                return hashOnly ? bounded.hash(password).encoded().endsWith(password) : bounded.matches(password, bounded.hash(password));
            }));
        }
        start.countDown();
        for (Future<Boolean> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
        }
        threads.shutdown();

        assertThat(recorder.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aFailingHashGivesItsPermitBack() {
        PasswordHasher failing = new OverlapRecorder() {
            @Override
            public PasswordHash hash(String password) {
                throw new IllegalStateException("boom");
            }
        };
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(failing, 1);

        assertThatThrownBy(() -> bounded.hash("x")).isInstanceOf(IllegalStateException.class);
        assertThat(bounded.matches("y", new PasswordHash("$recorded$y"))).isTrue();
    }

    @Test
    void refusesZeroPermits() {
        assertThatThrownBy(() -> new BoundedPasswordHasher(new OverlapRecorder(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
