package com.ticketing.user.balance;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.contracts.Contracts;
import com.ticketing.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The balance endpoints of the real service ({@link UserServiceIntegrationTest}). Tests work on their own users (ids
 * from {@link #FIRST_TEST_USER}, far above the demo users 1..100,000 and the signed-up accounts from 1,000,001),
 * removed with their ledger rows once per run, so the demo data is never touched. Public calls carry the
 * caller in {@code X-User-Id} (and {@code X-User-Roles}), as the gateway sets them from the access token.
 */
abstract class BalanceIntegrationTest extends UserServiceIntegrationTest {

    static final long FIRST_TEST_USER = 9_000_000_001L;
    /** Never created: the unknown user. */
    static final long UNKNOWN_USER = 8_999_999_999L;
    private static final long FIRST_TEST_PAYMENT = 9_000_000_000_000_001L;

    private static final AtomicBoolean cleaned = new AtomicBoolean();
    private static final AtomicLong nextUser = new AtomicLong(FIRST_TEST_USER);
    private static final AtomicLong nextPayment = new AtomicLong(FIRST_TEST_PAYMENT);

    static final JsonMapper json = JsonMapper.builder().build();

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

    /** The user tops up their own balance (the body names them too, as the original client does). */
    Reply charge(long userId, long amount) {
        return postAs(userId, "/v1/api/user/amount", "{\"userId\":" + userId + ",\"amount\":" + amount + "}");
    }

    Reply charge(long userId, long amount, String idempotencyKey) {
        return reply(as(userId, HttpRequest.newBuilder(uri("/v1/api/user/amount")))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + userId + ",\"amount\":" + amount + "}")));
    }

    /** The user reads their own balance. */
    Reply balance(long userId) {
        return getAs(userId, "/v1/api/user/amount");
    }

    Reply postAs(long caller, String path, String body) {
        return postAs(caller, path, body, "application/json");
    }

    Reply postAs(long caller, String path, String body, String contentType) {
        return reply(as(caller, HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply getAs(long caller, String path, String... roles) {
        return reply(as(caller, HttpRequest.newBuilder(uri(path)), roles).GET());
    }

    /** The identity headers the gateway sets from a verified access token. */
    static HttpRequest.Builder as(long caller, HttpRequest.Builder request, String... roles) {
        request.header(AuthHeaders.USER_ID, Long.toString(caller));
        if (roles.length > 0) {
            request.header(AuthHeaders.ROLES, String.join(",", roles));
        }
        return request;
    }

    // The internal calls as payment-service makes them, and their answers checked against the contract samples of
    // common's test jar (contracts/user-service/*): what payment-service's tests stub is what this service answers.

    Reply debit(long userId, long paymentId, long amount) {
        return answering("user-service/debit-answer", post("/internal/users/" + userId + "/debits",
                Contracts.sampleJson("user-service/debit-request", Map.of("paymentId", paymentId, "amount", amount))));
    }

    Reply refund(long userId, long paymentId, long amount) {
        return answering("user-service/refund-answer", post("/internal/users/" + userId + "/refunds",
                Contracts.sampleJson("user-service/refund-request", Map.of("paymentId", paymentId, "amount", amount))));
    }

    Reply voidPayment(long userId, long paymentId) {
        return answering("user-service/void-answer", post("/internal/users/" + userId + "/debits/" + paymentId + "/void", ""));
    }

    Reply debitOf(long userId, long paymentId) {
        return answering("user-service/debit-lookup-answer", get("/internal/users/" + userId + "/debits/" + paymentId));
    }

    private static Reply answering(String contract, Reply reply) {
        if (reply.status() == 200) {
            Contracts.assertMatches(contract, reply.body().path("data"));
        } else {
            Contracts.assertMatches("error-answer", reply.body());
        }
        return reply;
    }

    Reply post(String path, String body) {
        return post(path, body, "application/json");
    }

    Reply post(String path, String body, String contentType) {
        return reply(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(String path) {
        return reply(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create(base() + path);
    }

    static Reply reply(HttpRequest.Builder request) {
        HttpResponse<String> response = UserServiceIntegrationTest.send(request.timeout(Duration.ofSeconds(30)));
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertThat(type).as("content type of %s", response.body()).startsWith("application/json");
        return new Reply(response.statusCode(), json.readTree(response.body()));
    }
}
