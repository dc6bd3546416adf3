package com.ticketing.payment.stub;

import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * user-service as docs/contracts.md describes it (request and answer bodies checked against / built from the
 * contract samples of common's test jar, {@code contracts/user-service/*}), state in memory: balances, debits idempotent by payment id
 * (a repeat answers the first result and takes nothing; another amount/user is 409 PAYMENT_ID_CONFLICT),
 * refunds idempotent by payment id and only of an existing debit, and the debit lookup.
 *
 * <p>Faults on demand: {@link #slowDebits} applies the debit and then answers late (outcome unknown to a client
 * with a shorter read timeout); {@link #lostDebits} answers late without applying; {@link #faultRate} makes a
 * share of debits answer 500, half of them after applying; {@link #lateDebits} waits before applying (a debit still
 * running in user-service after payment-service stopped waiting); {@link #holdDebits} keeps debits waiting until
 * {@link #releaseDebits} or, with {@link #debitsCommitBeforeVoid}, until a void of their payment id arrives, which
 * then finds them taken (a debit that was running when the void came).
 *
 * <p>Voids follow the fence of docs/contracts.md: after a void a debit of that payment id is refused with 409
 * PAYMENT_VOIDED; a void of a taken debit is refused with 409 DEBIT_EXISTS.
 */
public class UserServiceStub extends StubServer {

    public record Debit(long userId, long paymentId, long amount, long balanceAfter, boolean refunded) {
    }

    private final Map<Long, Long> balances = new HashMap<>();
    private final Map<Long, Debit> debits = new LinkedHashMap<>();
    private final Set<Long> voided = new HashSet<>();
    public final AtomicInteger voidRequests = new AtomicInteger();
    public final AtomicInteger debitsRefusedAsVoided = new AtomicInteger();
    public volatile long lateDebits;
    public volatile boolean debitsCommitBeforeVoid;
    private volatile CountDownLatch debitGate;
    private final AtomicInteger heldDebits = new AtomicInteger();
    private final AtomicInteger debitsDone = new AtomicInteger();
    public final AtomicInteger debitRequests = new AtomicInteger();
    public final AtomicInteger debitsApplied = new AtomicInteger();
    public final AtomicInteger refundRequests = new AtomicInteger();
    public final AtomicInteger refundsApplied = new AtomicInteger();
    public final AtomicInteger lookups = new AtomicInteger();
    public volatile long slowDebits;
    public volatile long lostDebits;
    public volatile double faultRate;
    private final Random random = new Random(7);

    public synchronized void reset() {
        balances.clear();
        debits.clear();
        debitRequests.set(0);
        debitsApplied.set(0);
        refundRequests.set(0);
        refundsApplied.set(0);
        lookups.set(0);
        voided.clear();
        voidRequests.set(0);
        debitsRefusedAsVoided.set(0);
        lateDebits = 0;
        debitsCommitBeforeVoid = false;
        releaseDebits();
        slowDebits = 0;
        lostDebits = 0;
        faultRate = 0;
    }

    public synchronized void setBalance(long userId, long balance) {
        balances.put(userId, balance);
    }

    public synchronized long balance(long userId) {
        return balances.get(userId);
    }

    public synchronized long totalBalance() {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }

    /** From now on debit requests wait (before applying) until {@link #releaseDebits}. */
    public void holdDebits() {
        debitGate = new CountDownLatch(1);
    }

    public void releaseDebits() {
        CountDownLatch gate = debitGate;
        debitGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    /** How many debit requests are waiting at the gate now. */
    public int heldDebits() {
        return heldDebits.get();
    }

    public synchronized boolean isVoided(long paymentId) {
        return voided.contains(paymentId);
    }

    public synchronized Debit debit(long paymentId) {
        return debits.get(paymentId);
    }

    /** Payment ids whose debit stands (taken and not refunded). */
    public synchronized Set<Long> standingDebits() {
        return debits.values().stream().filter(d -> !d.refunded()).map(Debit::paymentId).collect(Collectors.toSet());
    }

    @Override
    protected Response handle(String method, String[] p, JsonNode body) {
        if (p.length < 4 || !"internal".equals(p[0]) || !"users".equals(p[1])) {
            return error(404, "NOT_FOUND");
        }
        long userId = Long.parseLong(p[2]);
        if ("POST".equals(method) && p.length == 4 && "debits".equals(p[3])) {
            expect("user-service/debit-request", body);
            return debitRequest(userId, body.get("paymentId").asLong(), body.get("amount").asLong());
        }
        if ("POST".equals(method) && p.length == 4 && "refunds".equals(p[3])) {
            refundRequests.incrementAndGet();
            expect("user-service/refund-request", body);
            return refund(userId, body.get("paymentId").asLong(), body.get("amount").asLong());
        }
        if ("POST".equals(method) && p.length == 6 && "debits".equals(p[3]) && "void".equals(p[5])) {
            voidRequests.incrementAndGet();
            return voidDebit(userId, Long.parseLong(p[4]));
        }
        if ("GET".equals(method) && p.length == 5 && "debits".equals(p[3])) {
            lookups.incrementAndGet();
            return lookup(userId, Long.parseLong(p[4]));
        }
        return error(404, "NOT_FOUND");
    }

    private Response debitRequest(long userId, long paymentId, long amount) {
        debitRequests.incrementAndGet();
        CountDownLatch gate = debitGate;
        if (gate != null) {
            heldDebits.incrementAndGet();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                heldDebits.decrementAndGet();
            }
        }
        if (lateDebits > 0) {
            sleep(lateDebits);
        }
        if (lostDebits > 0) {
            sleep(lostDebits);
            return error(500, "INTERNAL_ERROR");
        }
        int fault = 0;
        synchronized (random) {
            if (faultRate > 0 && random.nextDouble() < faultRate) {
                fault = random.nextBoolean() ? 1 : 2;
            }
        }
        if (fault == 1) {
            return error(500, "INTERNAL_ERROR"); // failed before doing anything
        }
        Response answer = debit(userId, paymentId, amount);
        debitsDone.incrementAndGet();
        if (fault == 2) {
            return error(500, "INTERNAL_ERROR"); // applied, but the answer is lost
        }
        if (slowDebits > 0) {
            sleep(slowDebits);
        }
        return answer;
    }

    private synchronized Response debit(long userId, long paymentId, long amount) {
        if (voided.contains(paymentId)) {
            debitsRefusedAsVoided.incrementAndGet();
            return error(409, "PAYMENT_VOIDED");
        }
        Debit existing = debits.get(paymentId);
        if (existing != null) {
            if (existing.userId() != userId || existing.amount() != amount) {
                return error(409, "PAYMENT_ID_CONFLICT");
            }
            return answer("user-service/debit-answer", "userId", userId, "paymentId", paymentId,
                    "balance", existing.balanceAfter());
        }
        Long balance = balances.get(userId);
        if (balance == null) {
            return error(404, "USER_NOT_FOUND");
        }
        if (balance < amount) {
            return error(409, "INSUFFICIENT_BALANCE");
        }
        balances.put(userId, balance - amount);
        debits.put(paymentId, new Debit(userId, paymentId, amount, balance - amount, false));
        debitsApplied.incrementAndGet();
        return answer("user-service/debit-answer", "userId", userId, "paymentId", paymentId, "balance", balance - amount);
    }

    private Response voidDebit(long userId, long paymentId) {
        if (debitsCommitBeforeVoid && debitGate != null) {
            // the debit was already running when the void came: it commits first
            int done = debitsDone.get();
            releaseDebits();
            long until = System.currentTimeMillis() + 5_000;
            while (debitsDone.get() == done && System.currentTimeMillis() < until) {
                sleep(10);
            }
        }
        synchronized (this) {
            Debit debit = debits.get(paymentId);
            if (debit != null) {
                return error(409, "DEBIT_EXISTS");
            }
            voided.add(paymentId);
            return answer("user-service/void-answer", "userId", userId, "paymentId", paymentId);
        }
    }

    private synchronized Response refund(long userId, long paymentId, long amount) {
        Debit debit = debits.get(paymentId);
        if (debit == null || debit.userId() != userId) {
            return error(404, "DEBIT_NOT_FOUND");
        }
        if (!debit.refunded()) {
            balances.merge(userId, debit.amount(), Long::sum);
            debits.put(paymentId, new Debit(userId, paymentId, debit.amount(), debit.balanceAfter(), true));
            refundsApplied.incrementAndGet();
        }
        return answer("user-service/refund-answer", "userId", userId, "paymentId", paymentId,
                "balance", balances.get(userId));
    }

    private synchronized Response lookup(long userId, long paymentId) {
        Debit debit = debits.get(paymentId);
        if (debit == null || debit.userId() != userId) {
            return error(404, "DEBIT_NOT_FOUND");
        }
        return answer("user-service/debit-lookup-answer", "userId", userId, "paymentId", paymentId,
                "amount", debit.amount(), "refunded", debit.refunded());
    }
}
