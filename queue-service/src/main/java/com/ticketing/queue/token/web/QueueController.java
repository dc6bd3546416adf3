package com.ticketing.queue.token.web;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.auth.CurrentUser;
import com.ticketing.common.docs.ApiError;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.queue.QueueErrors;
import com.ticketing.queue.token.CheckingQueuePlace;
import com.ticketing.queue.token.IssuingQueueTokens;
import com.ticketing.queue.token.LeavingQueue;
import com.ticketing.queue.token.LeftQueue;
import com.ticketing.queue.token.QueueStatusView;
import com.ticketing.queue.token.QueueTicket;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waiting room's public API (routed by the gateway with login but without admission: these calls are how one
 * gets in). Each token is for one room (claim {@code room}). The user is the logged-in one ({@code X-User-Id} from the gateway); the waiting-room token travels in
 * {@code X-Queue-Token} and must be that user's.
 */
@RestController
@RequestMapping("/v1/api/queue/token")
class QueueController {

    private final IssuingQueueTokens issuing;
    private final CheckingQueuePlace checking;
    private final LeavingQueue leaving;

    QueueController(IssuingQueueTokens issuing, CheckingQueuePlace checking, LeavingQueue leaving) {
        this.issuing = issuing;
        this.checking = checking;
        this.leaving = leaving;
    }

    @Operation(summary = "Join a room's line as the logged-in user (or get one's existing token and place there back)")
    @ApiError(status = 400, codes = ErrorCodes.VALIDATION_FAILED, when = "no or bad roomId")
    @ApiError(status = 404, codes = QueueErrors.ROOM_NOT_FOUND, when = "no such room")
    @ApiError(status = 409, codes = {QueueErrors.ROOM_CLOSED, QueueErrors.TOO_MANY_ROOMS},
            when = "the room is closed, or the user already waits in the most rooms allowed")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the body names another user than the logged-in one")
    @ApiError(status = 413, codes = ErrorCodes.PAYLOAD_TOO_LARGE, when = "the body is over 16 KB (gateway)")
    @ApiError(status = 429, codes = ErrorCodes.RATE_LIMITED,
            when = "too many token requests for this user or client address (gateway; Retry-After)")
    @PostMapping
    ApiResponse<QueueTicket> issue(@CurrentUser long userId,
                                   @Valid @RequestBody(required = false) IssueTokenRequest request) {
        if (request != null && request.userId() != null && request.userId() != userId) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, ErrorCodes.FORBIDDEN,
                    "userId must be the logged-in user's own id, or left out");
        }
        if (request == null || request.roomId() == null) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED, "roomId: must be given");
        }
        return ApiResponse.of(issuing.issue(userId, request.roomId()));
    }

    @Operation(summary = "Status in the token's room (PRE_QUEUE, WAITING with position, PROGRESS once admitted, CLOSED);"
            + " poll again after pollAfterMs")
    @ApiError(status = 401, codes = ErrorCodes.INVALID_TOKEN,
            when = "the waiting-room token is missing, malformed, forged, expired or another user's")
    @ApiError(status = 404, codes = QueueErrors.QUEUE_TOKEN_NOT_FOUND,
            when = "the token's place is gone (left, dropped as idle, admission ended): issue a new token")
    @PostMapping("/check")
    ApiResponse<QueueStatusView> check(@CurrentUser long userId,
                                     @RequestHeader(value = AuthHeaders.QUEUE_TOKEN, required = false) String token) {
        return ApiResponse.of(checking.check(userId, token));
    }

    @Operation(summary = "Leave the waiting room (or give up one's admitted slot)")
    @ApiError(status = 401, codes = ErrorCodes.INVALID_TOKEN,
            when = "the waiting-room token is missing, malformed, forged, expired or another user's")
    @DeleteMapping
    ApiResponse<LeftQueue> leave(@CurrentUser long userId,
                                 @RequestHeader(value = AuthHeaders.QUEUE_TOKEN, required = false) String token) {
        return ApiResponse.of(leaving.leave(userId, token));
    }
}
