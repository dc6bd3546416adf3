package com.ticketing.system;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the issue-14 system tests share: the services' own loopback ports (fault injection, internal reads,
 * metrics), the reconciliation check run as the operator runs it, and the checks every race test makes once
 * the system settled: no money taken without a ticket, no reservation left PAYING.
 */
final class Fences {

    static final String USER_SERVICE = System.getProperty("user-service.url", "http://127.0.0.1:8082");
    static final String RESERVATION_SERVICE = System.getProperty("reservation-service.url", "http://127.0.0.1:8084");
    static final String PAYMENT_SERVICE = System.getProperty("payment-service.url", "http://127.0.0.1:8085");
    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    /** The states a reservation may rest in once its payments are over. */
    static final List<String> SETTLED_RESERVATION = List.of("HELD", "EXPIRED", "CONFIRMED");

    record CheckRun(int exitCode, String output) {
    }

    private Fences() {
    }

    // ------------------------------------------------------------------ fault injection

    /** Requests to {@code service} under {@code pathPrefix} wait {@code delayMs}, for the next {@code seconds}. */
    static void slowDown(String service, long delayMs, String pathPrefix, long seconds) {
        Gateway.Response r = Gateway.send(HttpRequest.newBuilder(URI.create(service + "/internal/faults/latency"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"delayMs\":" + delayMs + ",\"pathPrefix\":\"" + pathPrefix
                        + "\",\"seconds\":" + seconds + "}")), Map.of());
        assertThat(r.status()).as("fault injection at " + service + " (ticketing.faults.enabled): " + r.raw())
                .isEqualTo(200);
    }

    static void clearFault(String service) {
        Gateway.send(HttpRequest.newBuilder(URI.create(service + "/internal/faults/latency")).DELETE(), Map.of());
    }

    // ------------------------------------------------------------------ internal reads (loopback only)

    static Gateway.Response internal(String url) {
        return Gateway.send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    /** payment-service's own view of a payment: status, failureCode, holdsReservation. */
    static JsonNode payment(long paymentId) {
        Gateway.Response r = internal(PAYMENT_SERVICE + "/internal/payments/" + paymentId);
        assertThat(r.status()).as("GET /internal/payments/" + paymentId + ": " + r.raw()).isEqualTo(200);
        return r.data();
    }

    /** reservation-service's own view of a reservation (any state). */
    static JsonNode reservation(long reservationId) {
        Gateway.Response r = internal(RESERVATION_SERVICE + "/internal/reservations/" + reservationId);
        assertThat(r.status()).as("GET /internal/reservations/" + reservationId + ": " + r.raw()).isEqualTo(200);
        return r.data();
    }

    /** The debits user-service holds for {@code userId} (from its reconciliation report). */
    static List<JsonNode> debitsOf(long userId) {
        Gateway.Response r = internal(USER_SERVICE + "/internal/reconciliation");
        assertThat(r.status()).as("user-service reconciliation: " + r.raw()).isEqualTo(200);
        List<JsonNode> debits = new ArrayList<>();
        for (JsonNode d : r.data().path("debits")) {
            if (d.path("userId").asLong() == userId) {
                debits.add(d);
            }
        }
        return debits;
    }

    /**
     * A counter of a service's actuator (0 while it was never incremented: Micrometer registers some lazily).
     * Tags as {@code key:value}.
     */
    static double counter(String service, String name, String... tags) {
        StringBuilder query = new StringBuilder();
        for (String tag : tags) {
            query.append(query.isEmpty() ? "?" : "&").append("tag=")
                    .append(java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        Gateway.Response r = internal(service + "/actuator/metrics/" + name + query);
        if (r.status() == 404) {
            return 0;
        }
        assertThat(r.status()).as(name + query + ": " + r.raw()).isEqualTo(200);
        return r.body().path("measurements").path(0).path("value").asDouble();
    }

    /**
     * The ids of the payments of {@code reservationId}, oldest first. A payment whose lock request timed out is
     * answered with a plain 503 that names no payment, so the test reads payment-service's schema (read-only,
     * as root over the socket, like deploy/local/db-init.sh) to find the id it then asks the service about.
     */
    static List<Long> paymentIdsOf(long reservationId) {
        String out = run(Duration.ofSeconds(30), "mariadb", "-N", "-B", "-e",
                "SELECT id FROM payment_service.payment WHERE reservation_id = " + reservationId + " ORDER BY id").output();
        List<Long> ids = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                ids.add(Long.parseLong(line.trim()));
            }
        }
        return ids;
    }

    // ------------------------------------------------------------------ after settling

    /**
     * The two facts every race test ends on, for one buyer: every debit user-service holds for them and did not
     * give back belongs to a COMPLETED payment (no payment FAILED while its money is taken), and the reservation
     * rests in HELD, EXPIRED or CONFIRMED, never PAYING.
     */
    static void assertNoMoneyTakenWithoutTicket(long userId, long reservationId) {
        for (JsonNode debit : debitsOf(userId)) {
            if (debit.path("refunded").asBoolean()) {
                continue;
            }
            long paymentId = debit.path("paymentId").asLong();
            assertThat(payment(paymentId).path("status").asText())
                    .as("payment %d took %d from user %d: it must be COMPLETED", paymentId,
                            debit.path("amount").asLong(), userId)
                    .isEqualTo("COMPLETED");
        }
        assertThat(reservation(reservationId).path("status").asText())
                .as("reservation %d once its payments are over", reservationId)
                .isIn(SETTLED_RESERVATION);
    }

    /**
     * Runs {@code deploy/local/reconcile-check.sh --wait <seconds>} as an operator would, prints what it printed,
     * and asserts a clean pass (exit 0).
     */
    static CheckRun assertReconciled(int waitSeconds) {
        CheckRun check = reconcileCheck(waitSeconds);
        assertThat(check.exitCode()).as("reconcile-check.sh --wait " + waitSeconds + ":\n" + check.output())
                .isZero();
        return check;
    }

    static CheckRun reconcileCheck(int waitSeconds) {
        CheckRun run = run(Duration.ofSeconds(waitSeconds + 60L), "bash",
                ROOT.resolve("deploy/local/reconcile-check.sh").toString(), "--wait", Integer.toString(waitSeconds));
        System.out.println("deploy/local/reconcile-check.sh --wait " + waitSeconds + " (exit " + run.exitCode() + "):");
        System.out.println(run.output());
        return run;
    }

    // ------------------------------------------------------------------ processes

    /** Runs a command on this machine, bounded in time; its output (stdout and stderr) and exit code. */
    static CheckRun run(Duration limit, String... command) {
        try {
            Path out = Files.createTempFile("system-test-", ".out");
            try {
                Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not end within " + limit.toSeconds()
                            + " s:\n" + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new CheckRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip());
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
