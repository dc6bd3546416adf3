package com.ticketing.queue.token;

import com.ticketing.common.auth.InvalidQueueTokenException;
import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;

final class QueueTokens {

    private QueueTokens() {
    }

    /**
     * The verified waiting-room token of {@code X-Queue-Token} (raw or {@code Bearer}), which must have been issued to
     * {@code userId}, the logged-in user; 401 otherwise.
     */
    static QueueToken verify(QueueTokenCodec codec, long userId, String header) {
        QueueToken token;
        try {
            token = codec.verifyHeader(header);
        } catch (InvalidQueueTokenException e) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, ErrorCodes.INVALID_TOKEN, e.getMessage());
        }
        if (token.userId() != userId) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, ErrorCodes.INVALID_TOKEN,
                    "the waiting-room token was issued to another user");
        }
        return token;
    }
}
