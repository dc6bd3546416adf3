package com.ticketing.queue.token.web;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.queue.token.CheckingQueuePlace;
import com.ticketing.queue.token.IssuingQueueTokens;
import com.ticketing.queue.token.LeavingQueue;
import com.ticketing.queue.token.LeftQueue;
import com.ticketing.queue.token.QueuePosition;
import com.ticketing.queue.token.QueueTicket;
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

    @PostMapping
    ApiResponse<QueueTicket> issue(@Valid @RequestBody IssueTokenRequest request) {
        return ApiResponse.of(issuing.issue(request.userId()));
    }

    @PostMapping("/check")
    ApiResponse<QueuePosition> check(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String token) {
        return ApiResponse.of(checking.check(token));
    }

    @DeleteMapping
    ApiResponse<LeftQueue> leave(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String token) {
        return ApiResponse.of(leaving.leave(token));
    }
}
