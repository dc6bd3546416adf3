package com.ticketing.gateway.web;

import com.ticketing.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies over the limit are refused on every route, declared or chunked, and a chunked body within the limit
 * reaches the service whole. Raw sockets, so that the chunked framing is exactly what a client sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ticketing.gateway.max-body-bytes=1024")
class RequestBodyLimitTest extends GatewayTest {

    @LocalServerPort
    int port;

    @Test
    void shouldRefuseADeclaredLengthOverTheLimitWith413BeforeReadingIt() throws IOException {
        String head = "POST /v1/api/user/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000000\r\n\r\n";
        String answer = exchange(head, out -> out.write("{".getBytes(StandardCharsets.UTF_8)));
        assertThat(answer).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitWhileItStreams() throws IOException {
        int before = UPSTREAM.calls();
        String head = "POST /v1/api/user/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        String answer = exchange(head, out -> {
            byte[] chunk = ("400\r\n" + "x".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) { // 64 KiB at most; the gateway answers after the second KiB
                out.write(chunk);
                out.flush();
            }
        });
        assertThat(answer).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }

    @Test
    void shouldForwardAChunkedBodyWithinTheLimitWhole() throws IOException {
        String body = "{\"username\":\"" + "a".repeat(600) + "\"}";
        String head = "POST /v1/api/user/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        String answer = exchange(head, out -> {
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            int half = bytes.length / 2;
            out.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, half);
            out.write(("\r\n" + Integer.toHexString(bytes.length - half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, half, bytes.length - half);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"bodyLength\":" + body.length());
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Sends the head and as much of the body as the gateway takes; returns what it answered. */
    private String exchange(String head, Body body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                body.write(out);
            } catch (IOException closedByTheGateway) {
                // expected once the gateway has answered and closed
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            try {
                while ((n = in.read(buffer)) > 0 && answer.size() < 65536) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}}") || answer.toString(StandardCharsets.UTF_8).endsWith("}")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // the answer read so far is what counts
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
