package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.datasource.AbstractDataSource;
import com.alibaba.csp.sentinel.datasource.Converter;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.listener.AbstractListener;
import com.alibaba.nacos.api.config.listener.Listener;
import com.alibaba.nacos.api.exception.NacosException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentinel rules of one Nacos data ID: its content now and every change, read through the
 * service's one Nacos config client. Sentinel's own {@code NacosDataSource} opens a client (a
 * connection, its threads and health checks) per data ID, three per service.
 */
final class NacosRuleSource<T> extends AbstractDataSource<String, T> {

    private static final Logger log = LoggerFactory.getLogger(NacosRuleSource.class);
    private static final long TIMEOUT_MS = 3_000;

    private final ConfigService nacos;
    private final String group;
    private final String dataId;
    private final Listener listener;

    NacosRuleSource(ConfigService nacos, String group, String dataId, Converter<String, T> parser) {
        super(parser);
        this.nacos = nacos;
        this.group = group;
        this.dataId = dataId;
        this.listener = new AbstractListener() {
            @Override
            public void receiveConfigInfo(String content) {
                getProperty().updateValue(parser.convert(content));
            }
        };
        try {
            // The current content and every later change, with no gap between them.
            getProperty().updateValue(parser.convert(nacos.getConfigAndSignListener(dataId, group, TIMEOUT_MS, listener)));
        } catch (NacosException e) {
            log.warn("Sentinel rules {} not read from Nacos yet (they apply when it answers): {}", dataId, e.toString());
        }
    }

    @Override
    public String readSource() throws NacosException {
        return nacos.getConfig(dataId, group, TIMEOUT_MS);
    }

    @Override
    public void close() {
        nacos.removeListener(dataId, group, listener);
    }
}
