package com.ticketing.concert.outage;

import com.ticketing.common.web.ApiResponse;
import org.springframework.http.ResponseEntity;

/** Renders a {@link Served} read: 200 {@code {"data": ...}}, with {@code X-Stale: true} when it is the last known copy. */
public final class StaleAnswers {

    private StaleAnswers() {
    }

    public static <T> ResponseEntity<ApiResponse<T>> answer(Served<T> served) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (served.stale()) {
            ok.header(Served.STALE_HEADER, "true");
        }
        return ok.body(ApiResponse.of(served.value()));
    }
}
