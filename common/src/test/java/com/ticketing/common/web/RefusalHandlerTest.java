package com.ticketing.common.web;

import com.ticketing.common.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalHandlerTest {

    private final RefusalHandler handler = new RefusalHandler();

    @Test
    void shouldRenderEachKindWithItsStatusAndTheSharedErrorBody() {
        ResponseEntity<ErrorBody> conflict = handler.handleRefusal(Refusal.conflict("SEAT_UNAVAILABLE", "taken"));

        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getBody().error().code()).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(conflict.getBody().error().message()).isEqualTo("taken");
        assertThat(conflict.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void shouldTellAClientWhenToTryAgainAfterAnUnavailableRefusal() {
        ResponseEntity<ErrorBody> down = handler.handleRefusal(Refusal.unavailable("SERVICE_UNAVAILABLE", "down"));

        assertThat(down.getStatusCode().value()).isEqualTo(503);
        assertThat(down.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(RestErrorHandler.RETRY_AFTER_SECONDS);
    }

    @Test
    void shouldReadAnotherServicesStatusBackIntoTheSameKind() {
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            assertThat(RefusalStatus.kindOf(RefusalStatus.of(kind).value())).isEqualTo(kind);
        }
        assertThat(RefusalStatus.kindOf(418)).isEqualTo(Refusal.Kind.INVALID);
    }
}
