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
 * A waiting user's poll: where the token's holder stands in the token's room. Counts as the user's heartbeat (not
 * as activity: it never renews an admitted session). Costs one Redis round trip (one EVALSHA); the token is verified
 * locally first, so a bad token costs none.
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

    public QueueStatusView check(long userId, String queueToken) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            outcome = "invalid_token";
            QueueToken token = QueueTokens.verify(codec, userId, queueToken);
            outcome = "error";
            Place place = store.check(token.roomId(), token.userId(), token.tokenId()).orElse(null);
            if (place == null) {
                outcome = "no_place";
                throw Refusal.notFound(QueueErrors.QUEUE_TOKEN_NOT_FOUND,
                        "this token holds no place in the room any more; request a new token");
            }
            outcome = place.status().name().toLowerCase();
            return QueueStatusView.of(token.roomId(), place, estimator.estimate(place, store.clock().now()));
        } finally {
            sample.stop(Timer.builder("queue.token.check")
                    .description("token check latency (verification + one Redis script)")
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }
}
