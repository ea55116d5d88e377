package com.douyin.video.service;

import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.listener.AbstractListener;
import com.alibaba.nacos.api.exception.NacosException;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.video.VideoTopic;
import com.douyin.common.nacos.NacosYaml;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The topics a video may be published under, and the feed filtered by: {@code douyin.video.topics}
 * of the Nacos data ID douyin-video.yaml. The configuration is otherwise read once at start-up;
 * this list is read again whenever that data ID changes in Nacos, so a topic added or removed
 * there applies within moments, without a restart. With {@code douyin.nacos.config-enabled=false}
 * (tests) the list is the property as the environment has it.
 */
@Component
public class VideoTopics {

    static final String DATA_ID = "douyin-video.yaml";
    private static final String KEY = "douyin.video.topics";
    private static final int MAX_LENGTH = 32; // video.topic
    private static final Logger log = LoggerFactory.getLogger(VideoTopics.class);

    private volatile Set<String> topics; // null until the first content is applied

    public VideoTopics(Environment environment,
                       @Value("${douyin.nacos.config-enabled:true}") boolean fromNacos,
                       @Value("${douyin.nacos.group:DEFAULT_GROUP}") String group,
                       ObjectProvider<ConfigService> nacosClient) throws NacosException {
        if (!fromNacos) {
            this.topics = normalize(Binder.get(environment).bind(KEY, Bindable.listOf(String.class)).orElse(List.of()));
            return;
        }
        ConfigService nacos = nacosClient.getObject(); // the service's one config client
        // The current content and every later change, with no gap between them.
        String yaml = nacos.getConfigAndSignListener(DATA_ID, group, 5_000, new AbstractListener() {
            @Override
            public void receiveConfigInfo(String changed) {
                update(changed);
            }
        });
        synchronized (this) {
            if (topics == null) { // no change has come in since: what was read is current
                update(yaml);
            }
            if (topics == null) {
                topics = Set.of();
            }
        }
    }

    /** The topic in stored form: "" for none, else a configured topic; TOPIC_UNKNOWN for any other. */
    public String require(String raw) {
        String topic = VideoTopic.normalize(raw);
        Set<String> known = topics;
        if (topic.isEmpty() || known.contains(topic)) {
            return topic;
        }
        throw new DouyinException(ErrorCode.TOPIC_UNKNOWN, known.isEmpty()
                ? "There are no topics yet: publish without one."
                : "There is no such topic: choose one of " + String.join(", ", known) + ".");
    }

    /** The configured topic {@code word} names, in stored form (as a publish would store it), or "" for none. */
    public String named(String word) {
        String topic = VideoTopic.normalize(word);
        return topics.contains(topic) ? topic : "";
    }

    /** A changed data ID; an unreadable one keeps the topics as they were. */
    private synchronized void update(String yaml) {
        try {
            topics = parse(yaml);
            log.info("Video topics: {}", topics);
        } catch (IOException | RuntimeException e) {
            log.error("{} in Nacos is not valid YAML, the topics stay {}: {}", DATA_ID, topics, e.toString());
        }
    }

    static Set<String> parse(String yaml) throws IOException {
        if (yaml == null || yaml.isBlank()) {
            return Set.of();
        }
        return normalize(NacosYaml.binderOf(DATA_ID, yaml).bind(KEY, Bindable.listOf(String.class)).orElse(List.of()));
    }

    /** In the stored form, in the configured order (the error lists them so); longer than the column allows: left out. */
    private static Set<String> normalize(List<String> configured) {
        Set<String> topics = new LinkedHashSet<>();
        for (String topic : configured.stream().map(VideoTopic::normalize).filter(t -> !t.isEmpty()).toList()) {
            if (topic.codePointCount(0, topic.length()) > MAX_LENGTH) {
                log.error("Topic '{}' is longer than {} characters, left out", topic, MAX_LENGTH);
            } else {
                topics.add(topic);
            }
        }
        return Collections.unmodifiableSet(topics);
    }
}
