package com.ticketing.user.balance;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fence between a debit and payment-service's void of the same payment id: whatever the timing, either the
 * debit applies and the void answers DEBIT_EXISTS, or the void holds and the debit is refused with nothing taken.
 */
class PaymentVoidTest extends BalanceIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void shouldRefuseADebitThatArrivesAfterTheVoidAndChangeNothing() {
        long userId = newUser();
        seedBalance(userId, 50_000);
        long paymentId = newPaymentId();
        Snapshot before = snapshot(userId);

        Reply voided = voidPayment(userId, paymentId);
        Reply late = debit(userId, paymentId, 20_000);

        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.body().path("data").path("status").asString()).isEqualTo("VOID");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("PAYMENT_VOIDED");
        assertThat(snapshot(userId)).isEqualTo(before);
        assertThat(debitOf(userId, paymentId).errorCode()).isEqualTo("DEBIT_NOT_FOUND");
        assertThat(refund(userId, paymentId, 20_000).errorCode()).isEqualTo("DEBIT_NOT_FOUND");
    }

    @Test
    void shouldAnswerDebitExistsToAVoidOfATakenDebit() {
        long userId = newUser();
        seedBalance(userId, 50_000);
        long paymentId = newPaymentId();
        assertThat(debit(userId, paymentId, 20_000).status()).isEqualTo(200);

        Reply voided = voidPayment(userId, paymentId);

        assertThat(voided.status()).isEqualTo(409);
        assertThat(voided.errorCode()).isEqualTo("DEBIT_EXISTS");
        assertThat(balanceInDatabase(userId)).isEqualTo(30_000);
        assertThat(debit(userId, paymentId, 20_000).data("balance")).as("the debit's repeat still answers").isEqualTo(30_000);
    }

    @Test
    void shouldAnswerARepeatedVoidAgainAndRefuseItForAnotherUser() {
        long userId = newUser();
        long paymentId = newPaymentId();

        assertThat(voidPayment(userId, paymentId).status()).isEqualTo(200);
        assertThat(voidPayment(userId, paymentId).status()).isEqualTo(200);
        assertThat(voidPayment(newUser(), paymentId).errorCode()).isEqualTo("PAYMENT_ID_CONFLICT");
    }

    @Test
    void shouldKeepThePaymentIdOfADebitTheBalanceDidNotCoverFreeForAVoid() {
        long userId = newUser();
        seedBalance(userId, 1_000);
        long paymentId = newPaymentId();

        assertThat(debit(userId, paymentId, 20_000).errorCode()).isEqualTo("INSUFFICIENT_BALANCE");

        assertThat(voidPayment(userId, paymentId).status()).isEqualTo(200);
        assertThat(balanceInDatabase(userId)).isEqualTo(1_000);
    }

    /**
     * The race of the issue: the debit is still running in user-service (here: waiting for the user's balance row,
     * which this test holds) when payment-service's void arrives. The void waits for the debit's claim; the debit
     * commits; the void answers DEBIT_EXISTS, so payment-service completes the payment instead of failing it.
     */
    @Test
    void shouldAnswerDebitExistsWhenTheVoidArrivesWhileTheDebitIsStillRunning() throws Exception {
        long userId = newUser();
        seedBalance(userId, 50_000);
        long paymentId = newPaymentId();

        List<Reply> replies = whileATransactionHolds(false,
                "SELECT balance FROM users WHERE user_id = " + userId + " FOR UPDATE",
                new Step(() -> debit(userId, paymentId, 20_000), "UPDATE users SET balance = balance - %"),
                new Step(() -> voidPayment(userId, paymentId), "INSERT INTO payment_claim%"));

        assertThat(replies.get(0).status()).isEqualTo(200);
        assertThat(replies.get(1).status()).isEqualTo(409);
        assertThat(replies.get(1).errorCode()).isEqualTo("DEBIT_EXISTS");
        assertThat(balanceInDatabase(userId)).isEqualTo(30_000);
        assertLedgerMatchesBalance(userId);
    }

    /** The other order: the void holds the payment id first, the debit waits for it and is refused afterwards. */
    @Test
    void shouldRefuseADebitThatWaitedForTheVoidsClaim() throws Exception {
        long userId = newUser();
        seedBalance(userId, 50_000);
        long paymentId = newPaymentId();

        List<Reply> replies = whileATransactionHolds(true,
                "INSERT INTO payment_claim (payment_id, user_id, outcome) VALUES (" + paymentId + ", " + userId + ", 'VOID')",
                new Step(() -> debit(userId, paymentId, 20_000), "INSERT INTO payment_claim%"));

        assertThat(replies.get(0).status()).isEqualTo(409);
        assertThat(replies.get(0).errorCode()).isEqualTo("PAYMENT_VOIDED");
        assertThat(balanceInDatabase(userId)).isEqualTo(50_000);
        assertLedgerMatchesBalance(userId);
    }

    /** Debits and voids of the same payment ids, all released at once: for each id exactly one of them wins. */
    @Test
    void shouldLetExactlyOneOfTheDebitAndTheVoidOfAPaymentIdWinUnderConcurrency() throws Exception {
        long userId = newUser();
        seedBalance(userId, 1_000_000);
        int payments = 12;
        List<Long> paymentIds = new ArrayList<>();
        List<Callable<Reply>> tasks = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            long paymentId = newPaymentId();
            paymentIds.add(paymentId);
            tasks.add(() -> debit(userId, paymentId, 10_000));
            tasks.add(() -> voidPayment(userId, paymentId));
        }

        List<Reply> replies = concurrently(tasks);

        int debited = 0;
        for (int i = 0; i < payments; i++) {
            Reply debit = replies.get(2 * i);
            Reply voided = replies.get(2 * i + 1);
            if (debit.status() == 200) {
                debited++;
                assertThat(voided.errorCode()).as("void of a taken debit %d", paymentIds.get(i)).isEqualTo("DEBIT_EXISTS");
                assertThat(ledgerRows(paymentIds.get(i), LedgerKind.DEBIT)).isEqualTo(1);
            } else {
                assertThat(debit.errorCode()).as("debit after its void %d", paymentIds.get(i)).isEqualTo("PAYMENT_VOIDED");
                assertThat(voided.status()).isEqualTo(200);
                assertThat(ledgerRows(paymentIds.get(i), LedgerKind.DEBIT)).isZero();
            }
        }
        assertThat(balanceInDatabase(userId)).isEqualTo(1_000_000 - 10_000L * debited);
        assertLedgerMatchesBalance(userId);
    }

    /** A request and the statement it is known to be blocked in while the test's transaction holds its rows. */
    private record Step(Supplier<Reply> call, String blockedIn) {
    }

    /**
     * Runs {@code holding} in a transaction of this test's own, starts each step's request once the previous one is
     * blocked in its statement, then ends the transaction (commit or roll back) and returns the replies in order.
     */
    private List<Reply> whileATransactionHolds(boolean commit, String holding, Step... steps) throws Exception {
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute(holding);
            }
            for (Step step : steps) {
                replies.add(CompletableFuture.supplyAsync(step.call()));
                awaitStatementRunning(step.blockedIn());
            }
            if (commit) {
                holder.commit();
            } else {
                holder.rollback();
            }
        }
        List<Reply> answered = new ArrayList<>();
        for (CompletableFuture<Reply> reply : replies) {
            answered.add(reply.get());
        }
        return answered;
    }

    private void awaitStatementRunning(String like) {
        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE ?", Long.class, like) > 0);
    }
}
