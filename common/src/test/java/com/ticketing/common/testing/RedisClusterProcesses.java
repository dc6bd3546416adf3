package com.ticketing.common.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away Redis Cluster of real {@code redis-server} processes (Debian's, on the PATH) on free loopback ports:
 * {@code masters} masters, each with {@code replicasPerMaster} replicas, joined with {@code redis-cli --cluster
 * create}. Each node's cluster bus port (port + 10000) is free as well. Closing it stops every node and deletes their
 * files.
 */
public final class RedisClusterProcesses implements AutoCloseable {

    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Path dir;
    private final List<Integer> ports;
    private final List<Process> processes;
    private final int masters;

    private RedisClusterProcesses(Path dir, List<Integer> ports, List<Process> processes, int masters) {
        this.dir = dir;
        this.ports = ports;
        this.processes = processes;
        this.masters = masters;
    }

    public static RedisClusterProcesses start(int masters, int replicasPerMaster) {
        if (masters < 3) {
            throw new IllegalArgumentException("a Redis Cluster needs at least 3 masters");
        }
        int nodes = masters * (1 + replicasPerMaster);
        List<Process> processes = new ArrayList<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("redis-cluster-");
            List<Integer> ports = freePorts(nodes);
            for (int port : ports) {
                processes.add(new ProcessBuilder("redis-server", "--port", Integer.toString(port),
                        "--bind", "127.0.0.1", "--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "5000",
                        "--save", "", "--appendonly", "no", "--dir", dir.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
                        .start());
            }
            RedisClusterProcesses cluster = new RedisClusterProcesses(dir, ports, processes, masters);
            for (int port : ports) {
                cluster.awaitReply(port, "PING", "PONG");
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            ports.forEach(p -> create.add("127.0.0.1:" + p));
            create.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
            Process p = new ProcessBuilder(create).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
            }
            for (int port : ports) {
                cluster.awaitReply(port, "CLUSTER INFO", "cluster_state:ok");
            }
            return cluster;
        } catch (IOException e) {
            processes.forEach(Process::destroyForcibly);
            throw new IllegalStateException("cannot start redis-server (is it installed?)", e);
        } catch (InterruptedException e) {
            processes.forEach(Process::destroyForcibly);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
    }

    /** Every node's port (masters and replicas; which is which is decided by redis-cli). */
    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    public int masters() {
        return masters;
    }

    /** {@code host:port} of every node, for a cluster client's seed list. */
    public List<String> nodes() {
        return ports.stream().map(p -> "127.0.0.1:" + p).toList();
    }

    /** Runs {@code redis-cli -p <port> <args...>} and returns its output. */
    public String cli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void awaitReply(int port, String command, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!cli(port, command.split(" ")).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis node " + port + " never answered " + expected + " to " + command);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** Free loopback ports whose cluster bus port (port + 10000) is free too. */
    private static List<Integer> freePorts(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int attempt = 0; ports.size() < count && attempt < 500; attempt++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                int port = s.getLocalPort();
                if (port + 10000 > 65535) {
                    continue;
                }
                try (ServerSocket bus = new ServerSocket(port + 10000, 1, InetAddress.getLoopbackAddress())) {
                    ports.add(port);
                } catch (IOException busy) {
                    // try another
                }
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("no " + count + " free port pairs on loopback");
        }
        return ports;
    }
}
