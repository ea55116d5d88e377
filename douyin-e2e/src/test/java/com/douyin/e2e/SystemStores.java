package com.douyin.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/**
 * The running system's MySQL and Redis, as the launcher recorded them in .run/state/stores.env,
 * so end-to-end tests can check what the API's answers claim against the stored rows and keys.
 */
final class SystemStores implements AutoCloseable {

    private final Connection mysql;
    private final String jdbcUrl;
    private final String database;
    private final String redisUrl;
    private final String redisSentinels;
    private final String redisCluster;
    private RedissonClient redis; // connected on first use: the Redis drill reads MySQL while Redis is down

    SystemStores() throws IOException, SQLException {
        Map<String, String> env = read(DouyinSystem.REPO.resolve(".run/state/stores.env"));
        database = env.getOrDefault("MYSQL_DATABASE", "douyin");
        jdbcUrl = env.get("MYSQL_URL").replaceAll("/$", "") + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
        mysql = DriverManager.getConnection(jdbcUrl, env.get("MYSQL_USER"), env.getOrDefault("MYSQL_PASSWORD", ""));
        redisUrl = env.get("REDIS_URL");
        redisSentinels = env.getOrDefault("REDIS_SENTINELS", "").replace("\\", "");
        redisCluster = env.getOrDefault("REDIS_CLUSTER", "").replace("\\", "");
    }

    /** Whether the system runs Redis behind Sentinel (DOUYIN_REDIS_HA=sentinel). */
    boolean redisBehindSentinel() {
        return !redisSentinels.isEmpty();
    }

    /** Whether the system runs a Redis Cluster (DOUYIN_REDIS_HA=cluster). */
    boolean redisOnCluster() {
        return !redisCluster.isEmpty();
    }

    /** The system's database, its JDBC URL, and a connection to it with the launcher's (admin) account. */
    String database() {
        return database;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    Connection connection() {
        return mysql;
    }

    String redisUrl() {
        return redisUrl;
    }

    private RedissonClient redis() {
        if (redis == null) {
            Config config = new Config();
            // Primaries only, as the services read (Redisson's default reads replicas, which may lag).
            if (redisBehindSentinel()) { // whichever server is the primary now
                config.useSentinelServers().setMasterName("douyin").setCheckSentinelsList(false).setReadMode(ReadMode.MASTER)
                        .addSentinelAddress(redisSentinels.split(","));
            } else if (redisOnCluster()) { // each key on its slot's primary
                config.useClusterServers().setReadMode(ReadMode.MASTER).addNodeAddress(redisCluster.split(","));
            } else {
                config.useSingleServer().setAddress(redisUrl);
            }
            redis = Redisson.create(config);
        }
        return redis;
    }

    /**
     * For a failed drill's report: what each Redis server of the system (each cluster node, or
     * the one server) holds of {@code key}, asked with redis-cli: its role, the key's TTL and
     * fields, and the cluster's view of its nodes.
     */
    String redisServersView(String key) {
        List<String> servers = redisOnCluster() ? List.of(redisCluster.split(",")) : List.of(redisUrl);
        StringBuilder view = new StringBuilder();
        for (String server : servers) {
            String port = server.substring(server.lastIndexOf(':') + 1);
            view.append(port).append(": ").append(redisCli(port, "role").lines().findFirst().orElse("?"))
                    .append(", pttl ").append(redisCli(port, "pttl", key).strip())
                    .append(", ").append(redisCli(port, "hgetall", key).strip().replace('\n', ' ')).append('\n');
        }
        if (redisOnCluster()) { // as the first node that answers sees the cluster
            servers.stream().map(server -> redisCli(server.substring(server.lastIndexOf(':') + 1), "cluster", "nodes"))
                    .filter(nodes -> !nodes.startsWith("Could not connect")).findFirst().ifPresent(view::append);
        }
        return view.toString();
    }

    private static String redisCli(String port, String... command) {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-p", port));
        line.addAll(List.of(command));
        try {
            Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes());
            cli.waitFor();
            return out;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /**
     * How many changes the favorite provider's journal still holds, unacknowledged: its 64 shard
     * streams ({@code journal:favorite:{fN}}) and the stream from before shards.
     */
    long likesJournaled() {
        RBatch batch = redis().createBatch();
        List<RFuture<Long>> lengths = new ArrayList<>();
        lengths.add(batch.getStream("journal:favorite", StringCodec.INSTANCE).sizeAsync());
        for (int shard = 0; shard < 64; shard++) {
            lengths.add(batch.getStream("journal:favorite:{f" + shard + "}", StringCodec.INSTANCE).sizeAsync());
        }
        batch.execute();
        return lengths.stream().mapToLong(length -> length.toCompletableFuture().join()).sum();
    }

    boolean redisHasKey(String key) {
        return redis().getKeys().countExists(key) == 1;
    }

    /** Changes rows behind the API's back (failure drills); answers how many. */
    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = mysql.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** The first column of the first row, as a long (0 when there is no row). */
    long queryLong(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = mysql.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** Polls until the query answers {@code expected} (at most 30 s: writes behind RocketMQ are asynchronous), and answers the last value. */
    long await(long expected, String sql, Object... args) throws SQLException, InterruptedException {
        long value = queryLong(sql, args);
        for (long deadline = System.currentTimeMillis() + 30_000; value != expected && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(200);
            value = queryLong(sql, args);
        }
        return value;
    }

    /**
     * A like as a favorite provider instance that dies right after its Redis step leaves it: in
     * the user's liked set and in the provider's journal (the format of {@code FavoritedVideos}),
     * never sent to the broker.
     */
    void leaveUnsentLike(long userId, long videoId, long authorId) {
        long sequence = System.currentTimeMillis() * 1000;
        redis().getScoredSortedSet(likedSetKey(userId), StringCodec.INSTANCE).add(sequence / 1000, Long.toString(videoId));
        redis().<String, String>getStream("journal:favorite:" + shardTag("f", userId), StringCodec.INSTANCE).add(StreamAddArgs.entries(
                Map.of("r", userId + ":" + videoId + ":" + authorId + ":1", "n", Long.toString(sequence))));
    }

    /** A user's liked set (the key of {@code FavoritedVideos.setKey}: tagged with the user's journal shard). */
    static String likedSetKey(long userId) {
        return "favorite:liked:" + shardTag("f", userId) + ":" + userId;
    }

    /** A video's comment set (the key of {@code VideoComments.setKey}). */
    static String commentSetKey(long videoId) {
        return "comment:video:" + shardTag("c", videoId) + ":" + videoId;
    }

    /** The hash tag of an owner's journal shard, as {@code ChangeJournal.tag} makes it (64 shards). */
    private static String shardTag(String prefix, long ownerId) {
        return "{" + prefix + Math.floorMod(ownerId, 64) + "}";
    }

    /** Whether a Redis sorted set holds {@code member}. */
    boolean sortedSetHolds(String key, String member) {
        return redis().getScoredSortedSet(key, StringCodec.INSTANCE).contains(member);
    }

    /** Whether a Redis set holds {@code member}. */
    boolean setHolds(String key, String member) {
        return redis().getSet(key, StringCodec.INSTANCE).contains(member);
    }

    /** A field of a Redis hash, or null when the hash or field is not there. */
    String hashField(String key, String field) {
        return redis().<String, String>getMap(key, StringCodec.INSTANCE).get(field);
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1);
                values.put(line.substring(0, eq), value.equals("''") ? "" : value); // bash %q of an empty value
            }
        }
        return values;
    }

    @Override
    public void close() throws SQLException {
        if (redis != null) {
            redis.shutdown();
        }
        mysql.close();
    }
}
