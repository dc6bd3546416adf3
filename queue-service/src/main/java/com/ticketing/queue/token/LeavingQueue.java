package com.ticketing.queue.token;

import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.springframework.stereotype.Service;

/**
 * Explicit exit from the token's room: frees the waiting place or ends the admitted session, and uncounts the room
 * from the user's rooms. Idempotent.
 */
@Service
public class LeavingQueue {

    private final QueueStore store;
    private final QueueTokenCodec codec;

    public LeavingQueue(QueueStore store, QueueTokenCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    public LeftQueue leave(long userId, String queueToken) {
        QueueToken token = QueueTokens.verify(codec, userId, queueToken);
        LeftQueue left = new LeftQueue(store.leave(token.roomId(), token.userId(), token.tokenId()));
        if (!store.holdsPlace(token.roomId(), token.userId())) {
            store.releaseRoom(token.userId(), token.roomId());
        }
        return left;
    }
}
