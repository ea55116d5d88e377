package com.douyin.infra.rocketmq;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Creates the application's topics on every master of DefaultCluster, once the broker has
 * registered with the name server. Usage: TopicCreator NAMESRV_ADDR TOPIC...
 *
 * <p>Four queues a topic: each consumer group pulls each queue once per batch window and applies
 * what it got in one transaction, so queues cost SQL statements and pulls at any rate; four still
 * let four instances of a provider share a group's work. A topic that exists keeps its queues
 * (messages waiting in a queue taken away would never be consumed).
 */
public final class TopicCreator {

    private static final String CLUSTER = "DefaultCluster";
    private static final int QUEUES = 4;
    private static final long WAIT_MS = 60_000;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TopicCreator NAMESRV_ADDR TOPIC...");
            System.exit(2);
        }
        List<String> topics = Arrays.asList(args).subList(1, args.length);
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(args[0]);
        admin.setInstanceName("douyin-topic-creator");
        admin.start();
        List<String> masters = waitForMasters(admin);
        Set<String> existing = admin.fetchAllTopicList().getTopicList();
        for (String topic : topics) {
            if (existing.contains(topic)) {
                System.out.println("topic " + topic + " exists");
                continue;
            }
            TopicConfig config = new TopicConfig(topic, QUEUES, QUEUES);
            for (String master : masters) {
                admin.createAndUpdateTopicConfig(master, config);
            }
            System.out.println("topic " + topic + " on " + masters);
        }
        // Done: the admin client keeps nothing, and its orderly shutdown (thread pools waiting out
        // their timers) took 3 of the 5 seconds this program ran, at every start of the broker.
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static List<String> waitForMasters(DefaultMQAdminExt admin) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            try {
                ClusterInfo info = admin.examineBrokerClusterInfo();
                List<String> masters = info.getBrokerAddrTable().values().stream()
                        .map(BrokerData::selectBrokerAddr).filter(a -> a != null).toList();
                if (!masters.isEmpty()) {
                    return masters;
                }
            } catch (Exception notYet) {
                // the name server has no broker yet
            }
            if (System.currentTimeMillis() > deadline) {
                System.err.println("No broker registered with the name server within " + WAIT_MS / 1000 + " s");
                System.exit(1);
            }
            Thread.sleep(500);
        }
    }
}
