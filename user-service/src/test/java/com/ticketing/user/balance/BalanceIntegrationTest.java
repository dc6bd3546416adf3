package com.ticketing.user.balance;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service on a random port against the real MariaDB schema {@code user_service_test}. Tests work on their
 * own users (ids from {@link #FIRST_TEST_USER}, far above the demo users 1..100,000), removed with their ledger
 * rows once per run, so the demo data is never touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BalanceIntegrationTest {

    static final long FIRST_TEST_USER = 9_000_000_001L;
    /** Never created: the unknown user. */
    static final long UNKNOWN_USER = 8_999_999_999L;
    private static final long FIRST_TEST_PAYMENT = 9_000_000_000_000_001L;

    private static final AtomicBoolean cleaned = new AtomicBoolean();
    private static final AtomicLong nextUser = new AtomicLong(FIRST_TEST_USER);
    private static final AtomicLong nextPayment = new AtomicLong(FIRST_TEST_PAYMENT);

    static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void removeTestUsersOfEarlierRunsOnce() {
        if (cleaned.compareAndSet(false, true)) {
            jdbc.update("DELETE FROM balance_ledger WHERE user_id >= ? OR user_id = ?", FIRST_TEST_USER, UNKNOWN_USER);
            jdbc.update("DELETE FROM users WHERE user_id >= ? OR user_id = ?", FIRST_TEST_USER, UNKNOWN_USER);
            jdbc.update("DELETE FROM payment_claim WHERE payment_id >= ?", FIRST_TEST_PAYMENT);
        }
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    long newUser() {
        long id = nextUser.getAndIncrement();
        jdbc.update("INSERT INTO users (user_id, balance) VALUES (?, 0)", id);
        return id;
    }

    static long newPaymentId() {
        return nextPayment.getAndIncrement();
    }

    /** Gives a new user a starting balance through the public charge endpoint. */
    long newUserWithBalance(long balance) {
        long userId = newUser();
        long left = balance;
        while (left > 0) {
            long amount = Math.min(left, 10_000_000L);
            assertThat(charge(userId, amount).status()).isEqualTo(200);
            left -= amount;
        }
        return userId;
    }

    /**
     * Writes a large balance directly, with its matching ledger row (the ledger invariant keeps holding),
     * for limits that would take many thousands of charges to reach.
     */
    void seedBalance(long userId, long balance) {
        jdbc.update("UPDATE users SET balance = balance + ? WHERE user_id = ?", balance, userId);
        jdbc.update("INSERT INTO balance_ledger (user_id, kind, amount, balance_after) "
                + "SELECT user_id, 'CHARGE', ?, balance FROM users WHERE user_id = ?", balance, userId);
    }

    long balanceInDatabase(long userId) {
        return jdbc.queryForObject("SELECT balance FROM users WHERE user_id = ?", Long.class, userId);
    }

    long ledgerRows(long userId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ?", Long.class, userId);
    }

    long ledgerRows(long paymentId, LedgerKind kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM balance_ledger WHERE payment_id = ? AND kind = ?",
                Long.class, paymentId, kind.name());
    }

    /** What must not move when a request is refused. */
    record Snapshot(long balance, long ledgerRows) {
    }

    Snapshot snapshot(long userId) {
        return new Snapshot(balanceInDatabase(userId), ledgerRows(userId));
    }

    /**
     * The money invariant, exactly: walking the user's ledger in commit order (ids are assigned while the
     * user's row is locked), every row's balance_after is the previous one plus its signed amount, and the
     * last equals the balance; so the balance equals the ledger's signed sum.
     */
    void assertLedgerMatchesBalance(long userId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT kind, amount, balance_after FROM balance_ledger WHERE user_id = ? ORDER BY id", userId);
        long running = 0;
        for (Map<String, Object> row : rows) {
            LedgerKind kind = LedgerKind.valueOf((String) row.get("kind"));
            running += kind.signed(((Number) row.get("amount")).longValue());
            assertThat(((Number) row.get("balance_after")).longValue())
                    .as("balance_after of a %s row of user %d", kind, userId).isEqualTo(running);
        }
        Long signedSum = jdbc.queryForObject("SELECT COALESCE(SUM(CASE kind WHEN 'DEBIT' THEN -amount ELSE amount END), 0) "
                + "FROM balance_ledger WHERE user_id = ?", Long.class, userId);
        assertThat(balanceInDatabase(userId)).as("balance of user %d", userId).isEqualTo(running).isEqualTo(signedSum);
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    record Reply(int status, JsonNode body) {

        long data(String field) {
            assertThat(body.path("data").has(field)).as("data.%s in %s", field, body).isTrue();
            return body.path("data").path(field).asLong();
        }

        String errorCode() {
            return body.path("error").path("code").asString();
        }
    }

    Reply charge(long userId, long amount) {
        return post("/v1/api/user/amount", "{\"userId\":" + userId + ",\"amount\":" + amount + "}");
    }

    Reply charge(long userId, long amount, String idempotencyKey) {
        return send(HttpRequest.newBuilder(uri("/v1/api/user/amount"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + userId + ",\"amount\":" + amount + "}")));
    }

    Reply balance(long userId) {
        return get("/v1/api/user/amount?userId=" + userId);
    }

    Reply debit(long userId, long paymentId, long amount) {
        return post("/internal/users/" + userId + "/debits", "{\"paymentId\":" + paymentId + ",\"amount\":" + amount + "}");
    }

    Reply refund(long userId, long paymentId, long amount) {
        return post("/internal/users/" + userId + "/refunds", "{\"paymentId\":" + paymentId + ",\"amount\":" + amount + "}");
    }

    Reply voidPayment(long userId, long paymentId) {
        return post("/internal/users/" + userId + "/debits/" + paymentId + "/void", "");
    }

    Reply debitOf(long userId, long paymentId) {
        return get("/internal/users/" + userId + "/debits/" + paymentId);
    }

    Reply post(String path, String body) {
        return post(path, body, "application/json");
    }

    Reply post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as("content type of %s", response.body()).startsWith("application/json");
            return new Reply(response.statusCode(), json.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- concurrency ----------------------------------------------------------------------------------------

    /** Runs every task on its own thread, all released at once by a latch; returns their results in order. */
    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
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
