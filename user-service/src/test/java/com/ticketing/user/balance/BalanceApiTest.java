package com.ticketing.user.balance;

import com.ticketing.common.auth.AuthHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The public and internal balance endpoints one request at a time: results, errors, and that refusals change nothing. */
class BalanceApiTest extends BalanceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    // ---- charge and read ------------------------------------------------------------------------------------

    @Test
    void shouldChargeAndReadTheBalance() {
        long userId = newUser();

        Reply charged = charge(userId, 10_000);

        assertThat(charged.status()).isEqualTo(200);
        assertThat(charged.data("userId")).isEqualTo(userId);
        assertThat(charged.data("balance")).isEqualTo(10_000);
        assertThat(charge(userId, 2_500).data("balance")).isEqualTo(12_500);
        Reply read = balance(userId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data("userId")).isEqualTo(userId);
        assertThat(read.data("balance")).isEqualTo(12_500);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldSeedTheDemoUsersOneToOneHundredThousand() {
        // the migration seeds users 1..100,000; reading never creates or changes them
        assertThat(balance(1).status()).isEqualTo(200);
        assertThat(balance(100_000).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE user_id BETWEEN 1 AND 100000", Long.class))
                .isEqualTo(100_000);
        assertThat(balance(100_001).errorCode()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void shouldWaitOnlySecondsForABalanceRowLock() {
        assertThat(jdbc.queryForObject("SELECT @@SESSION.innodb_lock_wait_timeout", Long.class)).isEqualTo(5);
    }

    @Test
    void shouldAcceptTheLargestChargeAndRefuseOneWonMore() {
        long userId = newUser();

        assertThat(charge(userId, 10_000_000).data("balance")).isEqualTo(10_000_000);
        Snapshot before = snapshot(userId);
        Reply tooMuch = charge(userId, 10_000_001);

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(snapshot(userId)).isEqualTo(before);
    }

    @Test
    void shouldAnswerARetriedChargeWithTheFirstResult() {
        long userId = newUser();

        Reply first = charge(userId, 3_000, "order-42");
        charge(userId, 1_000);
        Reply retried = charge(userId, 3_000, "order-42");

        assertThat(first.data("balance")).isEqualTo(3_000);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.data("balance")).isEqualTo(3_000);
        assertThat(balanceInDatabase(userId)).isEqualTo(4_000);
        assertThat(ledgerRows(userId)).isEqualTo(2);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldKeepIdempotencyKeysApartPerUser() {
        long alice = newUser();
        long bob = newUser();

        charge(alice, 3_000, "same-key");
        Reply bobs = charge(bob, 5_000, "same-key");

        assertThat(bobs.status()).isEqualTo(200);
        assertThat(bobs.data("balance")).isEqualTo(5_000);
        assertThat(balanceInDatabase(alice)).isEqualTo(3_000);
    }

    @Test
    void shouldRefuseAnIdempotencyKeyReusedForAnotherAmount() {
        long userId = newUser();
        charge(userId, 3_000, "order-43");
        Snapshot before = snapshot(userId);

        Reply reused = charge(userId, 4_000, "order-43");

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(snapshot(userId)).isEqualTo(before);
    }

    @Test
    void shouldRefuseAChargeAboveTheMaximumBalanceAndChangeNothing() {
        long userId = newUser();
        seedBalance(userId, 1_000_000_000_000L - 5_000);

        assertThat(charge(userId, 5_000).data("balance")).isEqualTo(1_000_000_000_000L);
        Snapshot before = snapshot(userId);
        double rejectionsBefore = rejections("BALANCE_LIMIT_EXCEEDED");
        Reply over = charge(userId, 1);

        assertThat(over.status()).isEqualTo(409);
        assertThat(over.errorCode()).isEqualTo("BALANCE_LIMIT_EXCEEDED");
        assertThat(snapshot(userId)).isEqualTo(before);
        assertThat(rejections("BALANCE_LIMIT_EXCEEDED")).isEqualTo(rejectionsBefore + 1);
        assertLedgerMatchesBalance(userId);
    }

    // ---- own account only ----------------------------------------------------------------------------------

    @Test
    void shouldReadTheCallersOwnBalanceAndRefuseAnotherUsersToAnyoneButAnAdmin() {
        long alice = newUserWithBalance(7_000);
        long bob = newUserWithBalance(3_000);

        Reply own = getAs(alice, "/v1/api/user/amount");
        Reply ownNamed = getAs(alice, "/v1/api/user/amount?userId=" + alice);
        Reply other = getAs(alice, "/v1/api/user/amount?userId=" + bob, "USER");
        Reply byAdmin = getAs(alice, "/v1/api/user/amount?userId=" + bob, "USER", "ADMIN");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.data("userId")).isEqualTo(alice);
        assertThat(own.data("balance")).isEqualTo(7_000);
        assertThat(ownNamed.data("balance")).isEqualTo(7_000);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(other.body().has("data")).isFalse();
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.data("userId")).isEqualTo(bob);
        assertThat(byAdmin.data("balance")).isEqualTo(3_000);
    }

    @Test
    void shouldRefuseToChargeAnotherUsersBalanceAndChangeNeither() {
        long alice = newUser();
        long bob = newUser();

        Reply refused = postAs(alice, "/v1/api/user/amount", "{\"userId\":" + bob + ",\"amount\":1000}");
        Reply evenForAnAdmin = reply(as(alice, HttpRequest.newBuilder(URI.create(base() + "/v1/api/user/amount")), "USER", "ADMIN")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + bob + ",\"amount\":1000}")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(evenForAnAdmin.status()).isEqualTo(403);
        assertThat(snapshot(alice)).isEqualTo(new Snapshot(0, 0));
        assertThat(snapshot(bob)).isEqualTo(new Snapshot(0, 0));
    }

    @Test
    void shouldChargeTheCallerWhenTheBodyNamesNoUser() {
        long userId = newUser();

        Reply charged = postAs(userId, "/v1/api/user/amount", "{\"amount\": 2500}");

        assertThat(charged.status()).isEqualTo(200);
        assertThat(charged.data("userId")).isEqualTo(userId);
        assertThat(charged.data("balance")).isEqualTo(2_500);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldAnswerUnauthenticatedWithoutTheIdentityTheGatewaySets() {
        long userId = newUser();

        Reply read = get("/v1/api/user/amount?userId=" + userId);
        Reply charge = post("/v1/api/user/amount", "{\"userId\":" + userId + ",\"amount\":1000}");

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(charge.status()).isEqualTo(401);
        assertThat(snapshot(userId)).isEqualTo(new Snapshot(0, 0));
    }

    // ---- unknown user ---------------------------------------------------------------------------------------

    @Test
    void shouldAnswerUserNotFoundOnReadChargeAndDebitOfAnUnknownUser() {
        Reply read = balance(UNKNOWN_USER);
        Reply charged = charge(UNKNOWN_USER, 1_000);
        Reply keyed = charge(UNKNOWN_USER, 1_000, "k1");
        Reply debited = debit(UNKNOWN_USER, newPaymentId(), 1_000);

        for (Reply r : new Reply[]{read, charged, keyed, debited}) {
            assertThat(r.status()).as("%s", r.body()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("USER_NOT_FOUND");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ?", Long.class, UNKNOWN_USER))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE user_id = ?", Long.class, UNKNOWN_USER)).isZero();
    }

    @Test
    void shouldAnswerDebitNotFoundForRefundOrLookupOfAnUnknownUser() {
        long paymentId = newPaymentId();

        assertThat(refund(UNKNOWN_USER, paymentId, 1_000).errorCode()).isEqualTo("DEBIT_NOT_FOUND");
        assertThat(debitOf(UNKNOWN_USER, paymentId).errorCode()).isEqualTo("DEBIT_NOT_FOUND");
    }

    // ---- debit, refund, lookup -------------------------------------------------------------------------------

    @Test
    void shouldDebitOnceAndAnswerARetryWithTheFirstResult() {
        long userId = newUserWithBalance(50_000);
        long paymentId = newPaymentId();
        double debitsBefore = changes("DEBIT");

        Reply first = debit(userId, paymentId, 20_000);
        charge(userId, 1_000);
        Reply retried = debit(userId, paymentId, 20_000);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.data("userId")).isEqualTo(userId);
        assertThat(first.data("paymentId")).isEqualTo(paymentId);
        assertThat(first.data("balance")).isEqualTo(30_000);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.data("balance")).isEqualTo(30_000);
        assertThat(balanceInDatabase(userId)).isEqualTo(31_000);
        assertThat(ledgerRows(paymentId, LedgerKind.DEBIT)).isEqualTo(1);
        assertThat(changes("DEBIT")).isEqualTo(debitsBefore + 1);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldRefuseADebitTheBalanceDoesNotCoverAndChangeNothing() {
        long userId = newUserWithBalance(9_999);
        long paymentId = newPaymentId();
        Snapshot before = snapshot(userId);
        double rejectionsBefore = rejections("INSUFFICIENT_BALANCE");

        Reply refused = debit(userId, paymentId, 10_000);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(snapshot(userId)).isEqualTo(before);
        assertThat(ledgerRows(paymentId, LedgerKind.DEBIT)).isZero();
        assertThat(rejections("INSUFFICIENT_BALANCE")).isEqualTo(rejectionsBefore + 1);
        // the refused payment id is still free: paying it once the balance covers it works
        charge(userId, 1);
        assertThat(debit(userId, paymentId, 10_000).data("balance")).isZero();
    }

    @Test
    void shouldDebitTheWholeBalanceDownToZero() {
        long userId = newUserWithBalance(10_000);

        assertThat(debit(userId, newPaymentId(), 10_000).data("balance")).isZero();
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldRefuseAPaymentIdReusedWithAnotherAmountOrUser() {
        long userId = newUserWithBalance(50_000);
        long other = newUserWithBalance(50_000);
        long paymentId = newPaymentId();
        debit(userId, paymentId, 10_000);
        Snapshot mine = snapshot(userId);
        Snapshot theirs = snapshot(other);

        Reply otherAmount = debit(userId, paymentId, 12_000);
        Reply otherUser = debit(other, paymentId, 10_000);

        assertThat(otherAmount.status()).isEqualTo(409);
        assertThat(otherAmount.errorCode()).isEqualTo("PAYMENT_ID_CONFLICT");
        assertThat(otherUser.status()).isEqualTo(409);
        assertThat(otherUser.errorCode()).isEqualTo("PAYMENT_ID_CONFLICT");
        assertThat(snapshot(userId)).isEqualTo(mine);
        assertThat(snapshot(other)).isEqualTo(theirs);
    }

    @Test
    void shouldRefundADebitOnceAndReportIt() {
        long userId = newUserWithBalance(50_000);
        long paymentId = newPaymentId();
        debit(userId, paymentId, 20_000);
        Reply before = debitOf(userId, paymentId);

        Reply refunded = refund(userId, paymentId, 20_000);
        Reply again = refund(userId, paymentId, 20_000);

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.data("amount")).isEqualTo(20_000);
        assertThat(before.body().path("data").path("refunded").asBoolean()).isFalse();
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.data("paymentId")).isEqualTo(paymentId);
        assertThat(refunded.data("balance")).isEqualTo(50_000);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data("balance")).isEqualTo(50_000);
        assertThat(balanceInDatabase(userId)).isEqualTo(50_000);
        Reply after = debitOf(userId, paymentId);
        assertThat(after.data("userId")).isEqualTo(userId);
        assertThat(after.data("paymentId")).isEqualTo(paymentId);
        assertThat(after.body().path("data").path("refunded").asBoolean()).isTrue();
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldRefuseARefundWithoutADebit() {
        long userId = newUserWithBalance(5_000);
        Snapshot before = snapshot(userId);

        Reply refused = refund(userId, newPaymentId(), 1_000);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.errorCode()).isEqualTo("DEBIT_NOT_FOUND");
        assertThat(snapshot(userId)).isEqualTo(before);
    }

    @Test
    void shouldRefuseARefundOfAnotherUsersDebit() {
        long payer = newUserWithBalance(5_000);
        long other = newUser();
        long paymentId = newPaymentId();
        debit(payer, paymentId, 5_000);

        Reply refused = refund(other, paymentId, 5_000);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.errorCode()).isEqualTo("DEBIT_NOT_FOUND");
        assertThat(snapshot(other)).isEqualTo(new Snapshot(0, 0));
        assertThat(debitOf(other, paymentId).errorCode()).isEqualTo("DEBIT_NOT_FOUND");
        assertThat(balanceInDatabase(payer)).isZero();
    }

    @Test
    void shouldNeverRefundMoreThanWasDebited() {
        long userId = newUserWithBalance(5_000);
        long paymentId = newPaymentId();
        debit(userId, paymentId, 5_000);
        Snapshot before = snapshot(userId);

        Reply tooMuch = refund(userId, paymentId, 5_001);

        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.errorCode()).isEqualTo("REFUND_EXCEEDS_DEBIT");
        assertThat(snapshot(userId)).isEqualTo(before);
    }

    @Test
    void shouldRefuseASecondRefundOfAnotherAmount() {
        long userId = newUserWithBalance(5_000);
        long paymentId = newPaymentId();
        debit(userId, paymentId, 5_000);
        refund(userId, paymentId, 2_000);
        Snapshot before = snapshot(userId);

        Reply second = refund(userId, paymentId, 3_000);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("PAYMENT_ID_CONFLICT");
        assertThat(snapshot(userId)).isEqualTo(before);
        assertThat(before.balance()).isEqualTo(2_000);
    }

    @Test
    void shouldRefundEvenAboveTheMaximumBalance() {
        // a compensation must never fail: refunds give back debited money and are not capped
        long userId = newUser();
        seedBalance(userId, 1_000_000_000_000L);
        long paymentId = newPaymentId();
        debit(userId, paymentId, 50_000);
        charge(userId, 50_000);

        Reply refunded = refund(userId, paymentId, 50_000);

        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.data("balance")).isEqualTo(1_000_000_000_000L + 50_000);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldAnswerDebitNotFoundForAPaymentNeverDebited() {
        long userId = newUser();

        Reply lookup = debitOf(userId, newPaymentId());

        assertThat(lookup.status()).isEqualTo(404);
        assertThat(lookup.errorCode()).isEqualTo("DEBIT_NOT_FOUND");
    }

    // ---- bad input: 4xx JSON with a code, and nothing changed -------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{",
            "{\"userId\": USER, \"amount\": 1000",
            "[]",
            "null",
            "\"text\"",
            "{}",
            "{\"userId\": USER}",
            "{\"userId\": USER, \"amount\": null}",
            "{\"userId\": USER, \"amount\": 0}",
            "{\"userId\": USER, \"amount\": -1000}",
            "{\"userId\": USER, \"amount\": \"abc\"}",
            "{\"userId\": USER, \"amount\": \"1000\"}",
            "{\"userId\": USER, \"amount\": 1.5}",
            "{\"userId\": USER, \"amount\": 1000.0}",
            "{\"userId\": USER, \"amount\": 1e3}",
            "{\"userId\": USER, \"amount\": true}",
            "{\"userId\": USER, \"amount\": [1000]}",
            "{\"userId\": USER, \"amount\": {\"won\": 1000}}",
            "{\"userId\": USER, \"amount\": 10000001}",
            "{\"userId\": USER, \"amount\": 9223372036854775807}",
            "{\"userId\": USER, \"amount\": 9223372036854775808}",
            "{\"userId\": USER, \"amount\": 99999999999999999999999}",
            "{\"userId\": USER, \"amount\": -9223372036854775808}",
            "{\"userId\": \"USER\", \"amount\": 1000}",
            "{\"userId\": USER.0, \"amount\": 1000}",
            "{\"userId\": 0, \"amount\": 1000}",
            "{\"userId\": -USER, \"amount\": 1000}",
            "{\"userId\": 99999999999999999999, \"amount\": 1000}",
            "{\"userId\": USER, \"amount\": 1000} trailing",
            "{\"userId\": USER, \"amount\": 1000}{\"userId\": USER, \"amount\": 1000}",
            "{\"userId\": USER, \"amount\": 1, \"amount\": 9999999}",
    })
    void shouldRejectABadChargeWithAClientErrorAndChangeNothing(String body) {
        long userId = newUser();
        seedBalance(userId, 1_000);
        Snapshot before = snapshot(userId);

        Reply rejected = postAs(userId, "/v1/api/user/amount", body.replace("USER", Long.toString(userId)));

        assertClientError(rejected, 400);
        assertThat(snapshot(userId)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "a/b", "a;b", "<key>",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void shouldRejectAMalformedIdempotencyKeyAndChangeNothing(String key) throws Exception {
        long userId = newUser();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/api/user/amount"))
                .header("Content-Type", "application/json")
                .header(AuthHeaders.USER_ID, Long.toString(userId))
                .header("Idempotency-Key", key.isEmpty() ? "" : key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + userId + ",\"amount\":1000}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("error").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(snapshot(userId)).isEqualTo(new Snapshot(0, 0));
    }

    @Test
    void shouldRejectAChargeThatIsNotJson() {
        long userId = newUser();

        Reply rejected = postAs(userId, "/v1/api/user/amount", "userId=" + userId + "&amount=1000", "application/x-www-form-urlencoded");

        assertClientError(rejected, 415);
        assertThat(snapshot(userId)).isEqualTo(new Snapshot(0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?userId=abc", "?userId=0", "?userId=-1", "?userId=1.5", "?userId=99999999999999999999"})
    void shouldRejectABadBalanceRead(String query) {
        assertClientError(getAs(newUser(), "/v1/api/user/amount" + query, "USER", "ADMIN"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{",
            "",
            "[]",
            "{}",
            "{\"amount\": 1000}",
            "{\"paymentId\": PAYMENT}",
            "{\"paymentId\": 0, \"amount\": 1000}",
            "{\"paymentId\": -5, \"amount\": 1000}",
            "{\"paymentId\": \"x\", \"amount\": 1000}",
            "{\"paymentId\": 1.5, \"amount\": 1000}",
            "{\"paymentId\": 99999999999999999999, \"amount\": 1000}",
            "{\"paymentId\": PAYMENT, \"amount\": 0}",
            "{\"paymentId\": PAYMENT, \"amount\": -1000}",
            "{\"paymentId\": PAYMENT, \"amount\": \"abc\"}",
            "{\"paymentId\": PAYMENT, \"amount\": 999.99}",
            "{\"paymentId\": PAYMENT, \"amount\": 1000000000001}",
            "{\"paymentId\": PAYMENT, \"amount\": 9223372036854775808}",
    })
    void shouldRejectABadDebitOrRefundWithAClientErrorAndChangeNothing(String body) {
        long userId = newUser();
        seedBalance(userId, 10_000);
        long debited = newPaymentId();
        debit(userId, debited, 1_000);
        Snapshot before = snapshot(userId);
        String json = body.replace("PAYMENT", Long.toString(debited));

        assertClientError(post("/internal/users/" + userId + "/debits", json), 400);
        assertClientError(post("/internal/users/" + userId + "/refunds", json), 400);
        assertThat(snapshot(userId)).isEqualTo(before);
        assertThat(debitOf(userId, debited).body().path("data").path("refunded").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void shouldRejectABadUserIdInAnInternalPath(String userId) {
        String body = "{\"paymentId\": " + newPaymentId() + ", \"amount\": 1000}";

        assertClientError(post("/internal/users/" + userId + "/debits", body), 400);
        assertClientError(post("/internal/users/" + userId + "/refunds", body), 400);
        assertClientError(get("/internal/users/" + userId + "/debits/1"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "99999999999999999999"})
    void shouldRejectABadPaymentIdInTheLookupPath(String paymentId) {
        long userId = newUser();

        assertClientError(get("/internal/users/" + userId + "/debits/" + paymentId), 400);
    }

    @Test
    void shouldAnswerUnknownPathsAndWrongMethodsWithJson() {
        assertClientError(get("/internal/users/1/nothing-here"), 404);
        assertClientError(get("/internal/users/1/debits"), 405);
        assertClientError(post("/v1/api/user/balance", "{}"), 404);
    }

    private static void assertClientError(Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).as("%s", reply.body()).isNotBlank();
        assertThat(reply.body().path("error").path("message").asString()).isNotBlank();
        assertThat(reply.body().has("data")).isFalse();
    }

    private double changes(String kind) {
        return meters.get("balance.changes").tag("kind", kind).counter().count();
    }

    private double rejections(String reason) {
        return meters.get("balance.rejections").tag("reason", reason).counter().count();
    }
}
