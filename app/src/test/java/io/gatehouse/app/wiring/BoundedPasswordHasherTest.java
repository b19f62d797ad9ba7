package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.domain.model.PasswordHash;
import io.gatehouse.domain.port.out.PasswordHasher;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
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
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(recorder, 2, new SimpleMeterRegistry());
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
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(failing, 1, new SimpleMeterRegistry());

        assertThatThrownBy(() -> bounded.hash("x")).isInstanceOf(IllegalStateException.class);
        assertThat(bounded.matches("y", new PasswordHash("$recorded$y"))).isTrue();
    }

    @Test
    void timesEachComputationApartFromItsWaitForAPermit() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        PasswordHasher firstCallBlocks = new OverlapRecorder() {
            @Override
            public PasswordHash hash(String password) {
                if (calls.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    try {
                        releaseFirst.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return new PasswordHash("$recorded$" + password);
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(firstCallBlocks, 1, registry);

        Thread first = new Thread(() -> bounded.hash("first"));
        first.start();
        firstStarted.await();
        long held = System.nanoTime();
        Thread second = new Thread(() -> bounded.hash("second"));
        second.start();
        while (second.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        Thread.sleep(50);
        double heldMillis = (System.nanoTime() - held) / 1e6;
        releaseFirst.countDown();
        first.join();
        second.join();
        bounded.matches("password", new PasswordHash("$recorded$password"));

        Timer hashing = registry.get("gatehouse.password.hash").tag("operation", "hash").timer();
        Timer verifying = registry.get("gatehouse.password.hash").tag("operation", "verify").timer();
        Timer waiting = registry.get("gatehouse.password.hash.wait").timer();
        assertThat(hashing.count()).isEqualTo(2);
        assertThat(verifying.count()).isEqualTo(1);
        assertThat(waiting.count()).isEqualTo(3);
        assertThat(waiting.max(MILLISECONDS)).as("the second hash waited while the first held the only permit").isGreaterThanOrEqualTo(50.0);
        // The first computation lasted about heldMillis and the second almost nothing: were the wait
        // counted as computation, the total would be about twice heldMillis.
        assertThat(hashing.totalTime(MILLISECONDS)).isGreaterThanOrEqualTo(heldMillis).isLessThan(1.5 * heldMillis);
    }

    @Test
    void refusesZeroPermits() {
        assertThatThrownBy(() -> new BoundedPasswordHasher(new OverlapRecorder(), 0, new SimpleMeterRegistry())).isInstanceOf(IllegalArgumentException.class);
    }
}
