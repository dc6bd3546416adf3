package com.ticketing.common.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * The suite's one answer to "is this failure an outage the client may retry, or a bug?". An outage is a store
 * (MariaDB, Redis) that is down, unreachable, saturated (pool exhausted, lock wait timed out) or still loading:
 * {@link RestErrorHandler} answers it with 503 {@code SERVICE_UNAVAILABLE} and {@code Retry-After}, never 500.
 * The check walks the cause chain, so an outage wrapped by JPA, a transaction manager or a use case is still one.
 */
public final class Outages {

    /** Spring's own types for a transient store failure (including Redis's connection failure and timeouts). */
    private static final Set<Class<? extends Throwable>> SPRING_OUTAGES = Set.of(
            DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class);

    /** Driver types named without a compile dependency on them. */
    private static final Set<String> DRIVER_OUTAGES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException");

    /** Redis replies that mean "not now" rather than "never": loading its data set, busy script, failover. */
    private static final String[] REDIS_NOT_NOW = {"LOADING", "BUSY", "READONLY", "MASTERDOWN", "TRYAGAIN"};

    private static final int MAX_DEPTH = 16;

    private Outages() {
    }

    /** Whether {@code failure}, or anything it wraps, says a store is temporarily unavailable. */
    public static boolean isOutage(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (isOutageItself(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isOutageItself(Throwable t) {
        for (Class<? extends Throwable> type : SPRING_OUTAGES) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException) {
            return true;
        }
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (DRIVER_OUTAGES.contains(c.getName())) {
                return true;
            }
        }
        if (t.getClass().getName().startsWith("io.lettuce.core.") && t.getMessage() != null) {
            for (String reply : REDIS_NOT_NOW) {
                if (t.getMessage().startsWith(reply)) {
                    return true;
                }
            }
        }
        return false;
    }
}
