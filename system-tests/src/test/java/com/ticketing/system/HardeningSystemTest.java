package com.ticketing.system;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an outsider tries first: a huge body, and the services' own ports from the network. */
class HardeningSystemTest {

    private static final long BODY_LIMIT_TRIED = 200L * 1024 * 1024;

    @Test
    void shouldRefuseAnOversizedChunkedBodyWhileItStreamsWithFlatMemory() throws Exception {
        Gateway.Session login = Gateway.login(Gateway.randomUser());
        double directBefore = gatewayMetric("gateway.netty.memory.used", "area:direct");
        double heapBefore = gatewayMetric("jvm.memory.used", "area:heap");
        URI gateway = URI.create(Gateway.URL);

        long sent = 0;
        String status;
        long start = System.nanoTime();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/api/queue/token HTTP/1.1\r\nHost: " + gateway.getHost() + "\r\n"
                    + "Authorization: Bearer " + login.accessToken() + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = chunk(64 * 1024);
            try {
                // Bounded: at most 200 MB and 60 s; the gateway answers and closes long before.
                while (sent < BODY_LIMIT_TRIED && System.nanoTime() - start < 60_000_000_000L) {
                    out.write(chunk);
                    sent += 64 * 1024;
                }
            } catch (IOException closedByTheGateway) {
                // expected: the gateway answered 413 and closed the connection
            }
            status = statusLine(socket.getInputStream());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        double directAfter = gatewayMetric("gateway.netty.memory.used", "area:direct");
        double heapAfter = gatewayMetric("jvm.memory.used", "area:heap");
        System.out.printf("oversized chunked body: %s after %d ms, %d MB sent before the gateway closed; netty direct "
                        + "%.1f -> %.1f MB, heap %.1f -> %.1f MB%n", status, millis, sent >> 20, directBefore / 1e6,
                directAfter / 1e6, heapBefore / 1e6, heapAfter / 1e6);

        assertThat(status).startsWith("HTTP/1.1 413");
        assertThat(sent).as("the gateway stopped reading long before the end").isLessThan(BODY_LIMIT_TRIED);
        assertThat(directAfter - directBefore).as("Netty direct memory growth").isLessThan(16e6);
        assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(64e6);
        assertThat(Gateway.get("/v1/api/user/amount", Gateway.bearer(login)).status()).as("the gateway still serves").isEqualTo(200);
    }

    @Test
    void shouldListenOnlyWithTheGatewayBeyondLoopback() throws Exception {
        InetAddress external = externalAddress();
        Assumptions.assumeTrue(external != null, "this machine has no non-loopback IPv4 address to try");
        List<String> reachable = new ArrayList<>();
        for (int port : new int[]{8761, 8081, 8082, 8083, 8084, 8085, 8079}) {
            if (connects(external, port)) {
                reachable.add(Integer.toString(port));
            }
        }
        assertThat(reachable).as("ports reachable on " + external.getHostAddress()).isEmpty();
        assertThat(connects(external, URI.create(Gateway.URL).getPort())).as("the gateway is").isTrue();
        System.out.printf("on %s only the gateway's port answers%n", external.getHostAddress());
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static InetAddress externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    private static byte[] chunk(int size) {
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] c = new byte[head.length + size + 2];
        System.arraycopy(head, 0, c, 0, head.length);
        java.util.Arrays.fill(c, head.length, head.length + size, (byte) 'x');
        c[c.length - 2] = '\r';
        c[c.length - 1] = '\n';
        return c;
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        return line.toString().trim();
    }

    private static double gatewayMetric(String name, String tag) {
        Gateway.Response r = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.MANAGEMENT_URL
                + "/actuator/metrics/" + name + "?tag=" + tag)).GET(), Map.of());
        assertThat(r.status()).as(name + " " + r.raw()).isEqualTo(200);
        return r.body().path("measurements").path(0).path("value").asDouble();
    }
}
