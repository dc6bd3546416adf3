package com.ticketing.user.login;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * The failed-login counters in Redis, each a fixed window that starts with its first failure (INCR, and PEXPIRE
 * when the INCR created it, in one Lua script):
 * <ul>
 *   <li>{@code auth:login-fail:account:<lower-cased username>}: counted BEFORE the password is checked and reset
 *       by a success, so concurrent guesses at one account cannot slip past the limit together;</li>
 *   <li>{@code auth:login-fail:address:<address>}: counted on a failure only, never reset by a success (many
 *       users behind one address, or a load test, log in at once without tripping it); concurrent failures
 *       already past the check can exceed it by the number in flight.</li>
 * </ul>
 * Any Redis failure propagates: the login then fails closed (503), see {@link LoginStoreGuard}.
 */
@Component
class LoginAttempts {

    /** KEYS: account, address; ARGV: account limit, address limit, window ms. Returns {admitted 0|1, retry-after ms}. */
    private static final RedisScript<List> ADMIT = RedisScript.of("""
            local address = tonumber(redis.call('GET', KEYS[2]) or '0')
            if address >= tonumber(ARGV[2]) then
              return {0, redis.call('PTTL', KEYS[2])}
            end
            local account = redis.call('INCR', KEYS[1])
            if account == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            if account > tonumber(ARGV[1]) then
              return {0, redis.call('PTTL', KEYS[1])}
            end
            return {1, 0}
            """, List.class);

    /** KEYS: counter; ARGV: window ms. */
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return n
            """, Long.class);

    /** The outcome of {@link #admit}: go ahead, or refused until {@code retryAfter}. */
    record Admission(boolean admitted, Duration retryAfter) {
    }

    private final StringRedisTemplate redis;
    private final LoginLimits limits;

    LoginAttempts(StringRedisTemplate redis, LoginLimits limits) {
        this.redis = redis;
        this.limits = limits;
    }

    /** Counts the attempt against its account and admits it unless the account or the address is over its limit. */
    Admission admit(LoginAttempt attempt) {
        List<?> result = redis.execute(ADMIT, List.of(attempt.accountKey(), attempt.addressKey()),
                Integer.toString(limits.accountFailures()), Integer.toString(limits.addressFailures()),
                Long.toString(limits.window().toMillis()));
        boolean admitted = ((Number) result.get(0)).longValue() == 1;
        long retryAfterMs = ((Number) result.get(1)).longValue();
        // PTTL is negative when the key has no TTL (it always has one here): fall back to a whole window
        return new Admission(admitted, Duration.ofMillis(retryAfterMs > 0 ? retryAfterMs : limits.window().toMillis()));
    }

    /** The password was wrong or the account unknown: one more failure for the address (the account's is counted). */
    void failed(LoginAttempt attempt) {
        redis.execute(COUNT, List.of(attempt.addressKey()), Long.toString(limits.window().toMillis()));
    }

    /** A success clears the account's failures (not the address's). */
    void succeeded(LoginAttempt attempt) {
        redis.delete(attempt.accountKey());
    }
}
