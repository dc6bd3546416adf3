package com.ticketing.payment.stub;

import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * user-service as docs/contracts.md describes it, state in memory: balances, debits idempotent by payment id
 * (a repeat answers the first result and takes nothing; another amount/user is 409 PAYMENT_ID_CONFLICT),
 * refunds idempotent by payment id and only of an existing debit, and the debit lookup.
 *
 * <p>Faults on demand: {@link #slowDebits} applies the debit and then answers late (outcome unknown to a client
 * with a shorter read timeout); {@link #lostDebits} answers late without applying; {@link #faultRate} makes a
 * share of debits answer 500, half of them after applying.
 */
public class UserServiceStub extends StubServer {

    public record Debit(long userId, long paymentId, long amount, long balanceAfter, boolean refunded) {
    }

    private final Map<Long, Long> balances = new HashMap<>();
    private final Map<Long, Debit> debits = new LinkedHashMap<>();
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
            return debitRequest(userId, body.get("paymentId").asLong(), body.get("amount").asLong());
        }
        if ("POST".equals(method) && p.length == 4 && "refunds".equals(p[3])) {
            refundRequests.incrementAndGet();
            return refund(userId, body.get("paymentId").asLong(), body.get("amount").asLong());
        }
        if ("GET".equals(method) && p.length == 5 && "debits".equals(p[3])) {
            lookups.incrementAndGet();
            return lookup(userId, Long.parseLong(p[4]));
        }
        return error(404, "NOT_FOUND");
    }

    private Response debitRequest(long userId, long paymentId, long amount) {
        debitRequests.incrementAndGet();
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
        if (fault == 2) {
            return error(500, "INTERNAL_ERROR"); // applied, but the answer is lost
        }
        if (slowDebits > 0) {
            sleep(slowDebits);
        }
        return answer;
    }

    private synchronized Response debit(long userId, long paymentId, long amount) {
        Debit existing = debits.get(paymentId);
        if (existing != null) {
            if (existing.userId() != userId || existing.amount() != amount) {
                return error(409, "PAYMENT_ID_CONFLICT");
            }
            return ok(Map.of("userId", userId, "paymentId", paymentId, "balance", existing.balanceAfter()));
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
        return ok(Map.of("userId", userId, "paymentId", paymentId, "balance", balance - amount));
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
        return ok(Map.of("userId", userId, "paymentId", paymentId, "balance", balances.get(userId)));
    }

    private synchronized Response lookup(long userId, long paymentId) {
        Debit debit = debits.get(paymentId);
        if (debit == null || debit.userId() != userId) {
            return error(404, "DEBIT_NOT_FOUND");
        }
        return ok(Map.of("userId", userId, "paymentId", paymentId, "amount", debit.amount(),
                "refunded", debit.refunded()));
    }
}
