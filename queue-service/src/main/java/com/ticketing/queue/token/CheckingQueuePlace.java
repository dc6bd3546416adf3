package com.ticketing.queue.token;

import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.queue.QueueErrors;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.persistence.QueueStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;

/**
 * A waiting user's poll: where the token's holder stands. Counts as the user's heartbeat. Costs one Redis
 * round trip (one EVALSHA); the token is verified locally first, so a bad token costs none.
 */
@Service
public class CheckingQueuePlace {

    private final QueueStore store;
    private final QueueTokenCodec codec;
    private final WaitEstimator estimator;
    private final MeterRegistry meters;

    public CheckingQueuePlace(QueueStore store, QueueTokenCodec codec, WaitEstimator estimator, MeterRegistry meters) {
        this.store = store;
        this.codec = codec;
        this.estimator = estimator;
        this.meters = meters;
    }

    public QueuePosition check(long userId, String queueToken) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            outcome = "invalid_token";
            QueueToken token = QueueTokens.verify(codec, userId, queueToken);
            outcome = "error";
            Place place = store.check(token.userId(), token.tokenId()).orElse(null);
            if (place == null) {
                outcome = "no_place";
                throw Refusal.notFound( QueueErrors.QUEUE_TOKEN_NOT_FOUND,
                        "this token holds no place in the queue any more; request a new token");
            }
            outcome = place.status().name().toLowerCase();
            WaitEstimator.Estimate estimate = estimator.estimate(place);
            return new QueuePosition(place.status(), place.position(), estimate.estimatedWaitSeconds(),
                    estimate.pollAfterMs());
        } finally {
            sample.stop(Timer.builder("queue.token.check")
                    .description("token check latency (verification + one Redis script)")
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }
}
