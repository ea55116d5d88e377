package com.douyin.infra.oap;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import org.apache.skywalking.oap.server.starter.OAPServerStartUp;

/**
 * The OAP's JVM: Zipkin's Lens UI (TraceUi) first, then SkyWalking's own start-up, which reads
 * application.yml from the class path (config/ first) and exits the JVM if a module fails.
 *
 * <p>Settings are read as the OAP reads its ${NAME:default} placeholders: a -DNAME system property,
 * then the environment, then the default. SW_TRACE_UI_PORT (9413; 0: no UI), SW_OAP_BIND_HOST
 * (127.0.0.1) and SW_QUERY_ZIPKIN_REST_PORT (9412, the OAP's Zipkin query server the UI forwards to).
 * Tomorrow's day tables are made ahead in the OAP's database ({@link DayTablesAhead}: SW_JDBC_URL,
 * SW_DATA_SOURCE_USER, SW_DATA_SOURCE_PASSWORD, as the OAP's storage reads them).
 */
public final class OapServer {

    private static final String DEFAULT_JDBC_URL =
            "jdbc:mysql://127.0.0.1:3306/skywalking?rewriteBatchedStatements=true&allowMultiQueries=true&createDatabaseIfNotExist=true";

    private OapServer() {
    }

    public static void main(String[] args) throws Exception {
        int uiPort = Integer.parseInt(setting("SW_TRACE_UI_PORT", "9413"));
        if (uiPort > 0) {
            String host = setting("SW_OAP_BIND_HOST", "127.0.0.1");
            // A wildcard bind is reached on loopback.
            String target = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            URI query = URI.create("http://" + target + ":" + setting("SW_QUERY_ZIPKIN_REST_PORT", "9412"));
            // Before the OAP: Lens answers at once, its API calls get 502 until the OAP is up.
            TraceUi.start(new InetSocketAddress(host, uiPort), query);
        }
        OAPServerStartUp.main(args);
        // The storage is MySQL (config/application.yml), with these settings and defaults.
        new DayTablesAhead(setting("SW_JDBC_URL", DEFAULT_JDBC_URL), setting("SW_DATA_SOURCE_USER", "root"),
                setting("SW_DATA_SOURCE_PASSWORD", ""), Clock.systemDefaultZone()).schedule();
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
