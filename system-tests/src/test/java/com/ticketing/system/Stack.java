package com.ticketing.system;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops and starts processes of the running native stack through deploy/local/service.sh. */
final class Stack {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    private Stack() {
    }

    static void stop(String name) {
        run("stop", name);
    }

    static void start(String name) {
        run("start", name);
    }

    /** Restarts {@code name} with these settings (environment variables) on top of its own; none restores them. */
    static void restart(String name, java.util.Map<String, String> settings) {
        run("restart", name, settings);
        awaitRoutable(name);
    }

    private static final java.util.Set<String> ROUTED_SERVICES =
            java.util.Set.of("queue-service", "user-service", "concert-service", "reservation-service", "payment-service");

    /**
     * After a service (re)starts, Eureka knows it at once but the gateway only at its next registry fetch and
     * load-balancer refresh (up to about a minute): until then its routes answer the fallback 503. Waits until the
     * gateway reaches the service again, through the service's API-docs route (same lookup and breaker, no login).
     */
    static void awaitRoutable(String name) {
        if (!ROUTED_SERVICES.contains(name)) {
            return;
        }
        Gateway.await("the gateway routes to " + name + " again", java.time.Duration.ofSeconds(120),
                () -> Gateway.get("/v3/api-docs/" + name).status() == 200);
    }

    private static void run(String action, String name) {
        run(action, name, java.util.Map.of());
    }

    private static void run(String action, String name, java.util.Map<String, String> settings) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/local/service.sh").toString(), action, name);
            builder.environment().putAll(settings);
            Process p = builder
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(ROOT.resolve(".run/logs/system-tests-stack.log").toString())))
                    .start();
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("service.sh " + action + " " + name + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("service.sh " + action + " " + name + " failed, see .run/logs/system-tests-stack.log");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The lines of a process's log (.run/logs/<name>.log) from line {@code from} on (0-based). */
    static java.util.List<String> logLines(String name, int from) {
        try {
            java.util.List<String> all = java.nio.file.Files.readAllLines(ROOT.resolve(".run/logs/" + name + ".log"));
            return all.subList(Math.min(from, all.size()), all.size());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A process's resilience4j circuit-breaker metric (e.g. {@code state} with tag {@code state:open}). */
    static double breakerMetric(String baseUrl, String metric, String breaker, String... tags) {
        StringBuilder query = new StringBuilder("?tag=name:").append(breaker);
        for (String tag : tags) {
            query.append("&tag=").append(tag);
        }
        Gateway.Response r = Gateway.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                baseUrl + "/actuator/metrics/resilience4j.circuitbreaker." + metric + query)).GET(), java.util.Map.of());
        if (r.status() != 200) {
            throw new AssertionError("metric " + metric + query + " answered " + r.status() + " " + r.raw());
        }
        return r.body().path("measurements").path(0).path("value").asDouble();
    }
}
