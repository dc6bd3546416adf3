package com.ticketing.common.warmup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Warms the process up before it reports ready: sends {@code ticketing.warm-up.requests} to its own port, round
 * after round, until {@code rounds} are done or {@code duration} is over. The first requests after a start are the
 * slow ones (classes loaded, code interpreted then compiled, pools and caches filled, first connections to the
 * database, Redis and other services); here they are paid before any client's request arrives.
 *
 * <p>An {@link ApplicationRunner} runs after the web server has started and before Spring Boot publishes
 * {@code ReadinessState.ACCEPTING_TRAFFIC}: {@code /actuator/health/readiness} (Compose, Kubernetes, the native
 * launcher) stays 503 until the warm-up is over. In Eureka the instance registers as STARTING and goes UP when
 * {@link WarmedUp} is published ({@code EurekaWarmUpStatus}), so no gateway routes to a cold instance.
 *
 * <p>Any answer counts as warm (a 404 or a refusal runs the same filters, JSON and database code); the statuses are
 * logged. A request that fails to connect or times out ends nothing but itself: warm-up never stops a start.
 */
public class WarmUp implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final WarmUpProperties props;
    private final ApplicationContext context;
    private final Environment environment;

    public WarmUp(WarmUpProperties props, ApplicationContext context, Environment environment) {
        this.props = props;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the process's own start-up runners
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        // A mock web environment (module tests) has no server to call.
        if (props.enabled() && !props.requests().isEmpty() && context instanceof WebServerApplicationContext server
                && server.getWebServer() != null) {
            context.publishEvent(new WarmedUp(this, warmUp(server.getWebServer().getPort())));
        } else {
            context.publishEvent(new WarmedUp(this, 0));
        }
    }

    private int warmUp(int port) throws InterruptedException {
        String base = "http://" + ownHost() + ":" + port;
        long started = System.nanoTime();
        long deadline = started + props.duration().toNanos();
        int total = props.rounds() * props.requests().size();
        AtomicInteger next = new AtomicInteger();
        LongAdder failed = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService workers = Executors.newFixedThreadPool(props.concurrency(), r -> {
            Thread t = new Thread(r, "warm-up");
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < props.concurrency(); w++) {
            workers.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                    WarmUpProperties.Request request = props.requests().get(i % props.requests().size());
                    try {
                        int status = http.send(build(base, request), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failed.increment();
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(props.duration().toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, n) -> byStatus.put(status, n.sum()));
        int sent = (int) (byStatus.values().stream().mapToLong(Long::longValue).sum() + failed.sum());
        log.info("Warm-up: {} requests in {} ms ({} of {} rounds), statuses {}, {} without an answer", sent,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), sent / props.requests().size(),
                props.rounds(), byStatus, failed.sum());
        return sent;
    }

    private HttpRequest build(String base, WarmUpProperties.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(5))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        request.headers().forEach(builder::header);
        return builder.build();
    }

    /** The address the server listens on, or loopback when it listens on every address. */
    private String ownHost() {
        String address = environment.getProperty("server.address", "");
        if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            return "127.0.0.1";
        }
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
