package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hundreds of simultaneous requests, released together: the database's constraints and single-use
 * updates, not luck, decide. No duplicate user, no lost session, no refresh token used twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyEndToEndTest {

    private static final int CALLERS = 200;
    private final TestGatehouse gatehouse = TestGatehouse.start();
    private final ExecutorService pool = Executors.newFixedThreadPool(64);

    @AfterAll
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        gatehouse.close();
    }

    @Test
    void simultaneousSignUpsWithOneEmailCreateExactlyOneUser() throws Exception {
        List<TestGatehouse.Response> responses = all(CALLERS, i -> gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"race@example.com\",\"password\":\"" + PASSWORD + "\"}"));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> r.problem(409, "email_taken"));
    }

    @Test
    void simultaneousSignUpsWithDistinctEmailsAllSucceed() throws Exception {
        List<TestGatehouse.Response> responses = all(CALLERS, i -> gatehouse.postJson("/api/v1/signup",
                "{\"email\":\"crowd" + i + "@example.com\",\"password\":\"" + PASSWORD + "\"}"));

        assertThat(responses).allSatisfy(r -> r.expect(201));
        Set<Object> ids = new HashSet<>();
        responses.forEach(r -> ids.add(((Map<?, ?>) r.json().get("user")).get("id")));
        assertThat(ids).hasSize(CALLERS);
    }

    @Test
    void simultaneousLoginsOfOneUserEachGetTheirOwnWorkingSession() throws Exception {
        gatehouse.signUp("many-sessions@example.com");

        List<TestGatehouse.Response> logins = all(CALLERS, i -> gatehouse.postJson("/api/v1/auth/login",
                "{\"email\":\"many-sessions@example.com\",\"password\":\"" + PASSWORD + "\"}"));

        Set<String> cookies = new HashSet<>();
        logins.forEach(r -> cookies.add(r.expect(200).cookie("gatehouse_session")));
        assertThat(cookies).hasSize(CALLERS);
        String any = cookies.iterator().next();
        assertThat(gatehouse.request("GET", "/api/v1/me/sessions").session(any).send().expect(200).jsonList()).hasSize(CALLERS);
        List<TestGatehouse.Response> checks = new ArrayList<>(all(cookies.size(), new ArrayList<>(cookies),
                cookie -> gatehouse.request("GET", "/api/v1/me").session(cookie).send()));
        assertThat(checks).allSatisfy(r -> r.expect(200));
    }

    @Test
    void oneRefreshTokenPresentedByManyAtOnceIsExchangedExactlyOnce() throws Exception {
        gatehouse.signUp("refresh-race@example.com");
        String refresh = (String) gatehouse.postJson("/api/v1/auth/jwt",
                "{\"username\":\"refresh-race@example.com\",\"password\":\"" + PASSWORD + "\"}").expect(201).json().get("refresh");

        List<TestGatehouse.Response> exchanges = all(CALLERS, i -> gatehouse.postJson("/api/v1/auth/jwt/refresh",
                "{\"refresh\":\"" + refresh + "\"}"));

        assertThat(exchanges).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(exchanges).filteredOn(r -> r.status() != 201).allSatisfy(r -> r.problem(401, "invalid_token"));
        String winner = (String) exchanges.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().get("refresh");
        // Reuse of the old token revoked the family (RFC 9700 4.14.2), so even the winner's new token is dead.
        gatehouse.postJson("/api/v1/auth/jwt/refresh", "{\"refresh\":\"" + winner + "\"}").problem(401, "invalid_token");
    }

    private interface Call<T> {
        TestGatehouse.Response call(T input) throws Exception;
    }

    private List<TestGatehouse.Response> all(int count, Call<Integer> call) throws Exception {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(i);
        }
        return all(count, inputs, call);
    }

    /** Runs every call at once (released by one latch) and returns the responses in order. */
    private <T> List<TestGatehouse.Response> all(int count, List<T> inputs, Call<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestGatehouse.Response>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            T input = inputs.get(i);
            Callable<TestGatehouse.Response> task = () -> {
                start.await();
                return call.call(input);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<TestGatehouse.Response> responses = new ArrayList<>();
        for (Future<TestGatehouse.Response> future : futures) {
            responses.add(future.get(120, TimeUnit.SECONDS));
        }
        return responses;
    }
}
