package com.ticketing.queue.token;

import com.ticketing.common.auth.InvalidQueueTokenException;
import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.web.ApiException;
import com.ticketing.common.web.ErrorCodes;
import org.springframework.http.HttpStatus;

final class QueueTokens {

    private QueueTokens() {
    }

    /** The verified token of an {@code Authorization} header (raw or {@code Bearer}); 401 otherwise. */
    static QueueToken verify(QueueTokenCodec codec, String authorization) {
        try {
            return codec.verifyHeader(authorization);
        } catch (InvalidQueueTokenException e) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.INVALID_TOKEN, e.getMessage());
        }
    }
}
