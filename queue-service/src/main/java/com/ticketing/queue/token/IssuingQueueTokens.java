package com.ticketing.queue.token;

import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.queue.QueueErrors;
import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.QueueStatus;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Gives a user a place in a room (the pre-queue before the sale start, else the end of the line) and a token signed
 * with the room. Idempotent per user and room: a user who already holds a place there gets the same token id and
 * keeps it (decided atomically in Redis, so concurrent duplicates cannot create a second place); the token itself is
 * re-signed with a fresh expiry.
 * <p>
 * A user holds places in at most {@code max-rooms-per-user} rooms: the user's room set is claimed first (its own
 * slot, one atomic script); when it is full, rooms where the user's place has ended since (dropped, session over,
 * paid) are cleaned from it and the claim is tried once more.
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

    public QueueTicket issue(long userId, long roomId) {
        if (userId < 1 || userId > properties.maxUserId()) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED,
                    "userId: must be between 1 and " + properties.maxUserId());
        }
        int claim = claimRoom(userId, roomId);
        Place place;
        try {
            place = store.issue(roomId, userId, UUID.randomUUID().toString()).orElse(null);
        } catch (RuntimeException e) {
            if (claim == 2) {
                store.releaseRoom(userId, roomId);
            }
            throw e;
        }
        if (place == null || place.status() == QueueStatus.CLOSED) {
            if (claim == 2) {
                store.releaseRoom(userId, roomId);
            }
            throw place == null
                    ? Refusal.notFound(QueueErrors.ROOM_NOT_FOUND, "no waiting room " + roomId)
                    : Refusal.conflict(QueueErrors.ROOM_CLOSED, "waiting room " + roomId + " is closed");
        }
        String token = codec.issue(userId, place.tokenId(), roomId, properties.tokenTtl());
        QueueStatusView status = QueueStatusView.of(roomId, place, estimator.estimate(place, store.clock().now()));
        return QueueTicket.of(token, status);
    }

    private int claimRoom(long userId, long roomId) {
        int max = properties.maxRoomsPerUser();
        int claim = store.claimRoom(userId, roomId, max);
        if (claim != 0) {
            return claim;
        }
        for (long held : store.userRooms(userId)) {
            if (!store.holdsPlace(held, userId)) {
                store.releaseRoom(userId, held);
            }
        }
        claim = store.claimRoom(userId, roomId, max);
        if (claim == 0) {
            throw Refusal.conflict(QueueErrors.TOO_MANY_ROOMS,
                    "you already hold a place in " + max + " waiting rooms: leave one first");
        }
        return claim;
    }
}
