package com.ticketing.common.web;

import io.lettuce.core.LettuceLike;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class RestErrorHandlerTest {

    private final RestErrorHandler handler = new RestErrorHandler();

    @Test
    void shouldAnswerAStoreOutageWith503AndTheOneRetryAfter() {
        for (Exception outage : new Exception[]{
                new CannotGetJdbcConnectionException("pool empty", new SQLTransientConnectionException("timeout")),
                new QueryTimeoutException("redis command timed out"),
                new CannotCreateTransactionException("no connection"),
                new PessimisticLockingFailureException("lock wait timeout")}) {
            ResponseEntity<ErrorBody> answer = handler.handleOutage(outage);

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(RestErrorHandler.RETRY_AFTER_SECONDS);
            assertThat(answer.getBody().error().code()).isEqualTo(ErrorCodes.SERVICE_UNAVAILABLE);
        }
    }

    @Test
    void shouldRecogniseAnOutageWrappedByJpaOrAUseCase() {
        Exception wrapped = new IllegalStateException("listing failed",
                new TransactionSystemException("commit failed", new SQLNonTransientConnectionException("refused")));

        ResponseEntity<ErrorBody> answer = handler.handleUnexpected(wrapped);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    }

    @Test
    void shouldKeepABugA500() {
        ResponseEntity<ErrorBody> answer = handler.handleUnexpected(
                new DataIntegrityViolationException("duplicate", new SQLIntegrityConstraintViolationException("dup")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void shouldTreatRedisStillLoadingAsAnOutageButNotAWrongCommand() {
        assertThat(Outages.isOutage(new RuntimeException(new LettuceLike("LOADING Redis is loading the dataset")))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new LettuceLike("ERR wrong number of arguments")))).isFalse();
    }
}
