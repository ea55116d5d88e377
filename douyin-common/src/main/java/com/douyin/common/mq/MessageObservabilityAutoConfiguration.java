package com.douyin.common.mq;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * Every RocketMQ client of a service, as it is created: producers and consumers get
 * {@link MessageTracing} (when the service traces), and each consumer group a {@link ConsumerLag}
 * gauge, refreshed every 10 s.
 */
@AutoConfiguration
@ConditionalOnClass(RocketMQTemplate.class)
public class MessageObservabilityAutoConfiguration {

    @Bean
    static ConsumerLags consumerLags() {
        return new ConsumerLags();
    }

    @Bean
    static BeanPostProcessor rocketMQClientObserver(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                                    ConsumerLags lags) {
        return new BeanPostProcessor() {
            private MessageTracing tracing; // made on first use: the tracer is a later bean

            private MessageTracing tracing() {
                if (tracing == null && tracer.getIfAvailable() != null && propagator.getIfAvailable() != null) {
                    tracing = new MessageTracing(tracer.getObject(), propagator.getObject());
                }
                return tracing;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RocketMQTemplate template && template.getProducer() != null && tracing() != null) {
                    template.getProducer().getDefaultMQProducerImpl().registerSendMessageHook(tracing());
                } else if (bean instanceof DefaultRocketMQListenerContainer container) {
                    if (tracing() != null) {
                        container.getConsumer().getDefaultMQPushConsumerImpl().registerConsumeMessageHook(tracing());
                    }
                    lags.add(new ConsumerLag(container.getConsumerGroup(), container.getTopic(), container::getConsumer, Metrics.globalRegistry));
                } else if (bean instanceof BatchEventConsumer<?> consumer) {
                    if (tracing() != null) {
                        consumer.addHook(tracing());
                    }
                    lags.add(new ConsumerLag(consumer.group(), consumer.topic(), consumer::client, Metrics.globalRegistry));
                }
                return bean;
            }
        };
    }

    /** Refreshes every consumer group's lag every 10 s while the service runs. */
    static final class ConsumerLags implements SmartLifecycle {

        private final List<ConsumerLag> lags = new CopyOnWriteArrayList<>();
        private ScheduledExecutorService refresher;

        void add(ConsumerLag lag) {
            lags.add(lag);
        }

        @Override
        public void start() {
            refresher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "mq-lag");
                thread.setDaemon(true);
                return thread;
            });
            refresher.scheduleWithFixedDelay(() -> lags.forEach(ConsumerLag::refresh), 5, 10, TimeUnit.SECONDS);
        }

        @Override
        public void stop() {
            refresher.shutdownNow();
            refresher = null;
        }

        @Override
        public boolean isRunning() {
            return refresher != null;
        }
    }
}
