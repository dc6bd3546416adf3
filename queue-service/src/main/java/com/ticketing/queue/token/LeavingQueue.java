package com.ticketing.queue.token;

import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.springframework.stereotype.Service;

/** Explicit exit: frees the waiting place or the active slot of the token. Idempotent. */
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
        return new LeftQueue(store.leave(token.userId(), token.tokenId()));
    }
}
