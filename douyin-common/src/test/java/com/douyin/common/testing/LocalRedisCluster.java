package com.douyin.common.testing;

import com.douyin.common.redis.RedisProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Redis Cluster of three primaries on ports of their own, from the machine's Debian
 * {@code redis-server} and {@code redis-cli} (as RedisSentinelFailoverIT's servers): each node
 * started with {@code --cluster-enabled}, then joined and given a third of the slots by
 * {@code redis-cli --cluster create}. A node not heard from for a second counts as failed.
 */
public final class LocalRedisCluster implements AutoCloseable {

    private final List<Integer> ports;
    private final List<Process> nodes = new ArrayList<>();
    private final Path dir;

    private LocalRedisCluster(int firstPort) throws IOException {
        this.ports = IntStream.range(firstPort, firstPort + 3).boxed().toList();
        this.dir = Files.createTempDirectory("redis-cluster-it");
    }

    /** Three primaries on {@code firstPort} and the two ports after it, serving all slots. */
    public static LocalRedisCluster start(int firstPort) throws Exception {
        LocalRedisCluster cluster = new LocalRedisCluster(firstPort);
        try {
            cluster.startNodes();
            cluster.create();
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    private static final Map<Integer, LocalRedisCluster> SHARED = new ConcurrentHashMap<>();

    /**
     * The cluster on {@code firstPort} for a Spring test's context (e.g. from a
     * DynamicPropertySource): started on first use, stopped when the JVM ends, with the cached
     * contexts whose clients use it.
     */
    public static LocalRedisCluster sharedUntilExit(int firstPort) {
        return SHARED.computeIfAbsent(firstPort, port -> {
            try {
                LocalRedisCluster cluster = start(port);
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
                return cluster;
            } catch (Exception e) {
                throw new IllegalStateException("The local Redis Cluster on " + port + " did not start", e);
            }
        });
    }

    /** Points a Spring test's services at the cluster on {@code firstPort} ({@link #sharedUntilExit}), as {@code douyin.redis.cluster} does. */
    public static void serveSpringTest(DynamicPropertyRegistry registry, int firstPort) {
        registry.add("douyin.redis.cluster", () -> sharedUntilExit(firstPort).addresses());
        registry.add("douyin.redis.database", () -> "0"); // a cluster has no other
    }

    private void startNodes() throws IOException {
        for (int port : ports) {
            nodes.add(new ProcessBuilder("redis-server", "--port", "" + port, "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "1000",
                    "--save", "", "--appendonly", "no", "--dbfilename", "dump-" + port + ".rdb")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(port + ".log").toFile()).start());
        }
    }

    /** Joins the nodes and spreads the slots over them; waits until every node says the cluster is ok. */
    private void create() throws Exception {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        ports.forEach(port -> command.add("127.0.0.1:" + port));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int exit;
        do { // (the nodes may not listen yet)
            Thread.sleep(200);
            exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("create.log").toFile()).start().waitFor();
        } while (exit != 0 && System.nanoTime() < deadline);
        if (exit != 0) {
            throw new AssertionError("redis-cli --cluster create failed: " + Files.readString(dir.resolve("create.log")));
        }
        while (!ports.stream().allMatch(this::clusterOk)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the local Redis Cluster is not ok after 30 s");
            }
            Thread.sleep(200);
        }
    }

    private boolean clusterOk(int port) {
        try {
            Process info = new ProcessBuilder("redis-cli", "-p", "" + port, "cluster", "info").redirectErrorStream(true).start();
            String answer = new String(info.getInputStream().readAllBytes());
            return info.waitFor() == 0 && answer.contains("cluster_state:ok");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The nodes' redis:// addresses, comma-separated, as {@code douyin.redis.cluster} takes them. */
    public String addresses() {
        return ports.stream().map(port -> "redis://127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** The services' Redis settings for this cluster. */
    public RedisProperties properties() {
        return new RedisProperties(null, null, 0, null, null, addresses());
    }

    public List<Integer> ports() {
        return ports;
    }

    /** Kills the node on {@code port} (no replica takes its slots: the cluster then fails within seconds). */
    public void kill(int port) throws InterruptedException {
        Process node = nodes.get(ports.indexOf(port));
        node.destroyForcibly();
        node.waitFor();
    }

    @Override
    public void close() {
        nodes.forEach(Process::destroyForcibly);
    }
}
