package com.ticketing.common.periodic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * The suite's one way to run background work on a timer (outbox relay, hold sweeper, admission, payment
 * reconciler...): every {@code every}, with a fixed delay between the end of one run and the start of the next,
 * on the task's own single thread (named after it, so a slow task never delays another), from application start
 * until shutdown (it is a {@link SmartLifecycle}, so tests can {@link #stop()} and {@link #start()} it).
 * <p>
 * A run that fails is retried at the next tick. An outage is logged once when it starts (WARN, with the
 * failure) and once when it ends (INFO, with how many runs failed and for how long), not at every tick: a
 * database down for a minute at 100 ms ticks is two log lines, not six hundred.
 */
public class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final boolean enabled;
    private final Duration every;
    private final Callable<Integer> run;
    private final Logger taskLog;
    private final Object outage = new Object();
    private ThreadPoolTaskScheduler scheduler;
    private long failedRuns;
    private long failingSinceNanos;

    /**
     * @param run one run; returns how many things it handled (for the debug log), or throws to report a failure
     */
    public PeriodicTask(String name, boolean enabled, Duration every, Callable<Integer> run) {
        this(name, enabled, every, run, log);
    }

    /** For a subclass that overrides {@link #runOnce()}. */
    protected PeriodicTask(String name, boolean enabled, Duration every) {
        this(name, enabled, every, null, log);
    }

    PeriodicTask(String name, boolean enabled, Duration every, Callable<Integer> run, Logger taskLog) {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, was " + every);
        }
        this.name = name;
        this.enabled = enabled;
        this.every = every;
        this.run = run;
        this.taskLog = taskLog;
    }

    /** A task for work that reports no count. */
    public static PeriodicTask of(String name, boolean enabled, Duration every, Runnable work) {
        return new PeriodicTask(name, enabled, every, () -> {
            work.run();
            return 0;
        });
    }

    public String name() {
        return name;
    }

    /** Whether the last run failed (the task is in an outage). */
    public boolean failing() {
        synchronized (outage) {
            return failedRuns > 0;
        }
    }

    /** The work of one run; returns how many things it handled. Subclasses may override it instead of passing it. */
    protected int runOnce() throws Exception {
        Integer handled = run.call();
        return handled == null ? 0 : handled;
    }

    /** One run now, on the caller's thread, with the same outage logging as a scheduled one. */
    public void tick() {
        int handled;
        try {
            handled = runOnce();
        } catch (Exception e) {
            failed(e);
            return;
        }
        succeeded(handled);
    }

    private void failed(Exception e) {
        synchronized (outage) {
            if (failedRuns++ == 0) {
                failingSinceNanos = System.nanoTime();
                taskLog.warn("{} failed; retrying every {}, logging again only when it works: {}", name, every, e.toString());
            } else {
                taskLog.debug("{} still failing (run {}): {}", name, failedRuns, e.toString());
            }
        }
    }

    private void succeeded(int handled) {
        synchronized (outage) {
            if (failedRuns > 0) {
                Duration down = Duration.ofNanos(System.nanoTime() - failingSinceNanos);
                taskLog.info("{} works again after {} failed runs over {}", name, failedRuns, down);
                failedRuns = 0;
            }
        }
        if (handled > 0) {
            taskLog.debug("{}: {} handled", name, handled);
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || scheduler != null) {
            return;
        }
        ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
        s.setPoolSize(1);
        s.setThreadNamePrefix(name + "-");
        s.setDaemon(true);
        s.setWaitForTasksToCompleteOnShutdown(true);
        s.setAwaitTerminationMillis(2_000); // let a running step finish before its connections close
        s.initialize();
        s.scheduleWithFixedDelay(this::tick, Instant.now().plus(every), every);
        scheduler = s;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
