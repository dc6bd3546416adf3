package com.ticketing.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class RestErrorHandlerTest {

    private final RestErrorHandler handler = new RestErrorHandler();

    @Test
    void shouldTellClientsWhenToRetryA503() {
        ResponseEntity<ErrorBody> answer = handler.handleApi(
                ApiException.unavailable(ErrorCodes.SERVICE_UNAVAILABLE, "user-service is unavailable"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody()).isEqualTo(ErrorBody.of(ErrorCodes.SERVICE_UNAVAILABLE, "user-service is unavailable"));
    }

    @Test
    void shouldNotAskClientsToRetryARefusal() {
        ResponseEntity<ErrorBody> answer = handler.handleApi(ApiException.conflict(ErrorCodes.SEAT_UNAVAILABLE, "taken"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }
}
