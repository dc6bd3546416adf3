package com.ticketing.queue.token;

import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Gives a user a place at the end of the line and a signed token for it. Idempotent per user: a user who
 * already waits or is active gets the same token id and keeps the place (decided atomically in Redis, so
 * concurrent duplicate requests cannot create a second place); the token itself is re-signed with a fresh
 * expiry.
 */
@Service
public class IssuingQueueTokens {

    private final QueueStore store;
    private final QueueTokenCodec codec;
    private final WaitEstimator estimator;
    private final QueueProperties properties;

    public IssuingQueueTokens(QueueStore store, QueueTokenCodec codec, WaitEstimator estimator,
                              QueueProperties properties) {
        this.store = store;
        this.codec = codec;
        this.estimator = estimator;
        this.properties = properties;
    }

    public QueueTicket issue(long userId) {
        if (userId < 1 || userId > properties.maxUserId()) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED,
                    "userId: must be between 1 and " + properties.maxUserId());
        }
        Place place = store.issue(userId, UUID.randomUUID().toString());
        String token = codec.issue(userId, place.tokenId(), properties.tokenTtl());
        WaitEstimator.Estimate estimate = estimator.estimate(place);
        return new QueueTicket(token, place.status(), place.position(), estimate.estimatedWaitSeconds(),
                estimate.pollAfterMs());
    }
}
