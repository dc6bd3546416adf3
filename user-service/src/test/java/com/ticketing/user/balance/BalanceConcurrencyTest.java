package com.ticketing.user.balance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Money under concurrency: every race ends with the exact balance, and the ledger always adds up to it. */
class BalanceConcurrencyTest extends BalanceIntegrationTest {

    @Test
    void shouldSumOneHundredConcurrentChargesExactly() throws Exception {
        long userId = newUser();
        List<Callable<Reply>> charges = new ArrayList<>();
        for (long amount = 1; amount <= 100; amount++) {
            long a = amount * 1_000;
            charges.add(() -> charge(userId, a));
        }

        List<Reply> replies = concurrently(charges);

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        long expected = LongStream.rangeClosed(1, 100).map(a -> a * 1_000).sum();
        assertThat(balanceInDatabase(userId)).isEqualTo(expected);
        assertThat(balance(userId).data("balance")).isEqualTo(expected);
        assertThat(ledgerRows(userId)).isEqualTo(100);
        // each charge saw a distinct balance: no two of them read-modify-wrote the same value
        assertThat(replies.stream().map(r -> r.data("balance")).distinct()).hasSize(100);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldChargeOnceWhenConcurrentRetriesCarryOneIdempotencyKey() throws Exception {
        long userId = newUser();
        List<Callable<Reply>> retries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            retries.add(() -> charge(userId, 5_000, "retry-key-1"));
        }

        List<Reply> replies = concurrently(retries);

        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data("balance")).isEqualTo(5_000);
        });
        assertThat(balanceInDatabase(userId)).isEqualTo(5_000);
        assertThat(ledgerRows(userId)).isEqualTo(1);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldDebitOnceWhenSixteenDuplicateDebitsRaceWithOnePaymentId() throws Exception {
        long userId = newUserWithBalance(100_000);
        long paymentId = newPaymentId();
        List<Callable<Reply>> duplicates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            duplicates.add(() -> debit(userId, paymentId, 30_000));
        }

        List<Reply> replies = concurrently(duplicates);

        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data("balance")).isEqualTo(70_000);
            assertThat(r.data("paymentId")).isEqualTo(paymentId);
        });
        assertThat(balanceInDatabase(userId)).isEqualTo(70_000);
        assertThat(ledgerRows(paymentId, LedgerKind.DEBIT)).isEqualTo(1);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldAnswerEveryDuplicateDebitWithTheFirstResultWhenTheBalanceCoversOnlyOne() throws Exception {
        long userId = newUserWithBalance(30_000);
        long paymentId = newPaymentId();
        List<Callable<Reply>> duplicates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            duplicates.add(() -> debit(userId, paymentId, 30_000));
        }

        List<Reply> replies = concurrently(duplicates);

        // the losers find the balance empty, but they are repeats of a debit that happened: not INSUFFICIENT_BALANCE
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
            assertThat(r.data("balance")).isZero();
        });
        assertThat(balanceInDatabase(userId)).isZero();
        assertThat(ledgerRows(paymentId, LedgerKind.DEBIT)).isEqualTo(1);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldNeverLoseMoneyWhenDebitsRaceWithCharges() throws Exception {
        long userId = newUserWithBalance(20_000);
        List<Callable<Reply>> mix = new ArrayList<>();
        List<Long> payments = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            mix.add(() -> charge(userId, 10_000));
            long paymentId = newPaymentId();
            payments.add(paymentId);
            mix.add(() -> debit(userId, paymentId, 15_000));
        }

        List<Reply> replies = concurrently(mix);

        long debited = 0;
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i);
            if (i % 2 == 0) {
                assertThat(r.status()).isEqualTo(200);
            } else if (r.status() == 200) {
                debited++;
            } else {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
                assertThat(ledgerRows(payments.get(i / 2), LedgerKind.DEBIT)).isZero();
            }
        }
        assertThat(debited).isPositive();
        assertThat(balanceInDatabase(userId)).isEqualTo(20_000 + 40 * 10_000 - debited * 15_000).isNotNegative();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ? AND kind = 'DEBIT'",
                Long.class, userId)).isEqualTo(debited);
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldRefundOnceWhenDuplicateRefundsRace() throws Exception {
        long userId = newUserWithBalance(50_000);
        long paymentId = newPaymentId();
        assertThat(debit(userId, paymentId, 40_000).data("balance")).isEqualTo(10_000);
        List<Callable<Reply>> duplicates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            duplicates.add(() -> refund(userId, paymentId, 40_000));
        }

        List<Reply> replies = concurrently(duplicates);

        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data("balance")).isEqualTo(50_000);
        });
        assertThat(balanceInDatabase(userId)).isEqualTo(50_000);
        assertThat(ledgerRows(paymentId, LedgerKind.REFUND)).isEqualTo(1);
        assertThat(debitOf(userId, paymentId).body().path("data").path("refunded").asBoolean()).isTrue();
        assertLedgerMatchesBalance(userId);
    }

    @Test
    void shouldKeepTheLedgerSumEqualToTheBalanceUnderARandomConcurrentMix() throws Exception {
        Random random = new Random(20261125L);
        long[] users = {newUserWithBalance(200_000), newUserWithBalance(50_000), newUser(), newUserWithBalance(1_000)};
        // payments debited up front, so refunds (and duplicate refunds) race with everything else
        Map<Long, Long> owner = new HashMap<>();
        Map<Long, Long> debitAmount = new HashMap<>();
        List<Long> refundable = new ArrayList<>();
        for (long userId : new long[]{users[0], users[1]}) {
            for (int i = 0; i < 5; i++) {
                long paymentId = newPaymentId();
                assertThat(debit(userId, paymentId, 5_000).status()).isEqualTo(200);
                owner.put(paymentId, userId);
                debitAmount.put(paymentId, 5_000L);
                refundable.add(paymentId);
            }
        }
        List<Long> racedPayments = new ArrayList<>();
        Set<Long> refunded = new HashSet<>();
        List<Callable<Reply>> mix = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            long userId = users[random.nextInt(users.length)];
            long amount = 1_000L * (1 + random.nextInt(30));
            switch (random.nextInt(5)) {
                case 0 -> mix.add(() -> charge(userId, amount));
                case 1 -> {
                    String key = "mix-" + userId + "-" + random.nextInt(3);
                    long keyedAmount = 7_000;
                    mix.add(() -> charge(userId, keyedAmount, key));
                }
                case 2 -> {
                    long paymentId = newPaymentId();
                    racedPayments.add(paymentId);
                    owner.put(paymentId, userId);
                    debitAmount.put(paymentId, amount);
                    mix.add(() -> debit(userId, paymentId, amount));
                    mix.add(() -> debit(userId, paymentId, amount)); // a duplicate in the same race
                }
                case 3 -> {
                    long paymentId = refundable.get(random.nextInt(refundable.size()));
                    refunded.add(paymentId);
                    mix.add(() -> refund(owner.get(paymentId), paymentId, 5_000));
                }
                default -> {
                    if (!racedPayments.isEmpty()) {
                        long paymentId = racedPayments.get(random.nextInt(racedPayments.size()));
                        mix.add(() -> debit(owner.get(paymentId), paymentId, debitAmount.get(paymentId)));
                    } else {
                        mix.add(() -> charge(userId, amount));
                    }
                }
            }
        }

        List<Reply> replies = concurrently(mix);

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as("%s", r.body()).isIn(200, 409));
        assertThat(replies).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("INSUFFICIENT_BALANCE"));
        for (long userId : users) {
            assertLedgerMatchesBalance(userId);
            assertThat(balanceInDatabase(userId)).isNotNegative();
            // a keyed charge happened at most once per key
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ? AND idempotency_key IS NOT NULL",
                    Long.class, userId)).isLessThanOrEqualTo(3);
        }
        Set<Long> allPayments = new HashSet<>(owner.keySet());
        for (long paymentId : allPayments) {
            assertThat(ledgerRows(paymentId, LedgerKind.DEBIT)).isLessThanOrEqualTo(1);
            assertThat(ledgerRows(paymentId, LedgerKind.REFUND)).isLessThanOrEqualTo(ledgerRows(paymentId, LedgerKind.DEBIT));
        }
        for (long paymentId : refundable) {
            assertThat(ledgerRows(paymentId, LedgerKind.REFUND)).isEqualTo(refunded.contains(paymentId) ? 1 : 0);
        }
    }
}
