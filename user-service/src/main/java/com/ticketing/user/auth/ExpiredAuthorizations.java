package com.ticketing.user.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes stored authorizations whose every token has expired ({@code oauth2_authorization.expires_at}, the
 * latest expiry of the row's tokens), at most one batch per run, oldest first. Any replica may run it at the
 * same time as another. Timestamps are bound like the authorization service binds them, so both compare alike.
 */
@Component
class ExpiredAuthorizations implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();
    private final AuthProperties.Cleanup settings;

    ExpiredAuthorizations(JdbcClient jdbc, AuthProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.cleanup();
    }

    /** Every {@code ticketing.auth.cleanup.interval}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::run, settings.interval());
    }

    /** One run; returns how many were deleted. */
    int removeBatch() {
        return removeExpiredBefore(clock.instant());
    }

    int removeExpiredBefore(Instant now) {
        return jdbc.sql("DELETE FROM oauth2_authorization WHERE expires_at < ? ORDER BY expires_at LIMIT ?")
                .params(Timestamp.from(now), settings.batchSize())
                .update();
    }

    /** The scheduled run: failures are logged, the next run tries again. */
    void run() {
        try {
            int removed = removeBatch();
            if (removed > 0) {
                log.info("Removed {} expired authorizations", removed);
            }
        } catch (DataAccessException e) {
            log.warn("Could not remove expired authorizations: {}", e.toString());
        }
    }
}
