package com.ticketing.user;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service on a random port against the real MariaDB schema and Redis database of the tests (one
 * application context for every test class that extends this). Accounts that tests sign up are named
 * {@code t-...} or {@code ...@signup.test}; they, their balances and the failed-login counters are removed once
 * per run, before the first test. Tests that log in come from their own client address ({@link #newAddress()}),
 * so the per-address limit of one test never trips another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class UserServiceIntegrationTest {

    /** The dev password of the demo accounts user1 .. user100000 (V2 migration). */
    protected static final String DEMO_PASSWORD = "ticketing-demo";
    /** The admin account of the local profile. */
    protected static final String ADMIN = "admin";
    protected static final String ADMIN_PASSWORD = "admin-dev-password";

    private static final String TEST_ACCOUNTS = "username LIKE 't-%' OR username LIKE '%@signup.test'";
    private static final AtomicBoolean cleaned = new AtomicBoolean();
    private static final AtomicInteger names = new AtomicInteger();
    private static final AtomicInteger addresses = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    protected static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected StringRedisTemplate redis;

    @BeforeEach
    void removeTestAccountsAndLoginCountersOfEarlierRunsOnce() {
        if (cleaned.compareAndSet(false, true)) {
            String ids = "SELECT user_id FROM accounts WHERE " + TEST_ACCOUNTS;
            jdbc.update("DELETE FROM balance_ledger WHERE user_id IN (" + ids + ")");
            jdbc.update("DELETE FROM users WHERE user_id IN (" + ids + ")");
            jdbc.update("DELETE FROM accounts WHERE " + TEST_ACCOUNTS);
            List<String> keys = new ArrayList<>();
            try (var cursor = redis.scan(ScanOptions.scanOptions().match("auth:login-fail:*").count(1000).build())) {
                cursor.forEachRemaining(keys::add);
            }
            if (!keys.isEmpty()) {
                redis.delete(keys);
            }
        }
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A login name no other test and no earlier run uses: {@code t-<run>-<n>}. */
    protected static String uniqueName() {
        return "t-" + RUN + "-" + names.incrementAndGet();
    }

    /** A client address of its own (10.x.y.z), as the gateway would put last in X-Forwarded-For. */
    protected static String newAddress() {
        int n = addresses.incrementAndGet();
        return "10." + ThreadLocalRandom.current().nextInt(100, 200) + "." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A browser of its own (cookies) from an address of its own. */
    protected PlainHttpLogin browser() {
        return new PlainHttpLogin(base(), newAddress());
    }

    /** Signs up through the API (the account gets a cost-10 bcrypt hash); returns the new user id. */
    protected long signUp(String username, String password) {
        HttpResponse<String> created = signUpResponse("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(created.statusCode()).as("sign-up of %s: %s", username, created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("data").path("userId").asLong();
    }

    protected HttpResponse<String> signUpResponse(String json) {
        return send(request("/v1/api/user/accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
    }

    protected static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs every task on its own thread, all released at once by a latch; returns their results in order. */
    protected static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
