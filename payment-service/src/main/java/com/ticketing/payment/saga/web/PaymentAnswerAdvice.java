package com.ticketing.payment.saga.web;

import com.ticketing.common.web.RefusalStatus;
import com.ticketing.payment.saga.PaymentAnswer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders {@link PaymentAnswer} as the shared error envelope plus the payment as it stands:
 * {@code {"error": {"code", "message", "payment": {"paymentId", "reservationId", "amount", "status", "balance",
 * "failureCode"}}}}. Ordered before the shared handler, which would render the code and message only.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentAnswerAdvice {

    record Detail(String code, String message, PaymentView payment) {
    }

    record Body(Detail error) {
    }

    @ExceptionHandler(PaymentAnswer.class)
    ResponseEntity<Body> answer(PaymentAnswer answer) {
        HttpStatus status = RefusalStatus.of(answer.kind());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "2");
        }
        return response.body(new Body(new Detail(answer.code(), answer.getMessage(), PaymentView.of(answer.payment()))));
    }
}
