package com.ticketing.common.remote;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class GuardedCallsTest {

    @Test
    void shouldKnowARequestNeverArrivedWhenTheConnectionFailed() {
        assertThat(GuardedCalls.mayHaveReachedServer(new ResourceAccessException("x", new ConnectException()))).isFalse();
        assertThat(GuardedCalls.mayHaveReachedServer(
                new ResourceAccessException("x", new HttpHostConnectException("Connection refused")))).isFalse();
        assertThat(GuardedCalls.mayHaveReachedServer(
                new ResourceAccessException("x", connectTimeout()))).isFalse();
        assertThat(GuardedCalls.mayHaveReachedServer(
                new ResourceAccessException("x", new UnknownHostException("user-service")))).isFalse();
        assertThat(GuardedCalls.mayHaveReachedServer(
                new ResourceAccessException("x", new ConnectionRequestTimeoutException("Timeout deadline")))).isFalse();
        assertThat(GuardedCalls.mayHaveReachedServer(
                new IllegalStateException("No instances available for user-service"))).isFalse();
    }

    @Test
    void shouldNotTakeAConnectTimeoutForAnAnswerThatCameTooLate() {
        assertThat(GuardedCalls.timedOut(new ResourceAccessException("x", connectTimeout()))).isFalse();
    }

    @Test
    void shouldAssumeARequestMayHaveArrivedWhenTheAnswerWasLost() {
        ResourceAccessException readTimeout =
                new ResourceAccessException("x", new SocketTimeoutException("Read timed out"));
        assertThat(GuardedCalls.mayHaveReachedServer(readTimeout)).isTrue();
        assertThat(GuardedCalls.timedOut(readTimeout)).isTrue();

        ResourceAccessException noAnswer = new ResourceAccessException("x",
                new NoHttpResponseException("127.0.0.1:8082 failed to respond"));
        assertThat(GuardedCalls.mayHaveReachedServer(noAnswer)).isTrue();
        assertThat(GuardedCalls.timedOut(noAnswer)).isFalse();

        assertThat(GuardedCalls.mayHaveReachedServer(
                new ResourceAccessException("x", new IOException("Connection reset")))).isTrue();
        assertThat(GuardedCalls.mayHaveReachedServer(new IllegalStateException("something else"))).isTrue();
    }

    /** As the client throws it: the socket's own timeout as the cause. */
    private static ConnectTimeoutException connectTimeout() {
        ConnectTimeoutException e = new ConnectTimeoutException("Connect to http://127.0.0.1:8082 failed");
        e.initCause(new SocketTimeoutException("Connect timed out"));
        return e;
    }
}
