package com.ticketing.queue.token.web;

import com.ticketing.common.docs.ApiError;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.queue.token.CheckingQueuePlace;
import com.ticketing.queue.token.IssuingQueueTokens;
import com.ticketing.queue.token.LeavingQueue;
import com.ticketing.queue.token.LeftQueue;
import com.ticketing.queue.token.QueueErrorCodes;
import com.ticketing.queue.token.QueuePosition;
import com.ticketing.queue.token.QueueTicket;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The waiting room's public API (routed by the gateway without admission: these calls are how one gets in). */
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

    @Operation(summary = "Join the waiting room (or get one's existing token and place back)")
    @ApiError(status = 413, codes = ErrorCodes.PAYLOAD_TOO_LARGE, when = "the body is over 4 KB (gateway)")
    @ApiError(status = 429, codes = ErrorCodes.RATE_LIMITED,
            when = "too many token requests for this user or client address (gateway; Retry-After)")
    @PostMapping
    ApiResponse<QueueTicket> issue(@Valid @RequestBody IssueTokenRequest request) {
        return ApiResponse.of(issuing.issue(request.userId()));
    }

    @Operation(summary = "Place in line, or PROGRESS once admitted; poll again after pollAfterMs")
    @ApiError(status = 401, codes = ErrorCodes.INVALID_TOKEN, when = "the token is missing, malformed, forged or expired")
    @ApiError(status = 404, codes = QueueErrorCodes.QUEUE_TOKEN_NOT_FOUND,
            when = "the token's place is gone (left, dropped as idle, admission ended): issue a new token")
    @PostMapping("/check")
    ApiResponse<QueuePosition> check(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String token) {
        return ApiResponse.of(checking.check(token));
    }

    @Operation(summary = "Leave the waiting room (or give up one's admitted slot)")
    @ApiError(status = 401, codes = ErrorCodes.INVALID_TOKEN, when = "the token is missing, malformed, forged or expired")
    @DeleteMapping
    ApiResponse<LeftQueue> leave(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String token) {
        return ApiResponse.of(leaving.leave(token));
    }
}
