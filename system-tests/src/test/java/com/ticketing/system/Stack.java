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

    private static void run(String action, String name) {
        try {
            Process p = new ProcessBuilder("bash", ROOT.resolve("deploy/local/service.sh").toString(), action, name)
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
}
