package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.http;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's Prometheus endpoint as the end-to-end tests read it. */
final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The text of a Prometheus endpoint (checked to answer 200). */
    static String scrape(String url) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return answer.body();
    }

    /**
     * The value of the first sample of {@code name} whose labels contain all of {@code labels} (a
     * sample without labels has none); -1 if there is none.
     */
    static double sample(String scrape, String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)})? (\\S+)").matcher(scrape);
        while (line.find()) {
            String sampleLabels = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= sampleLabels.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.group(2));
            }
        }
        return -1;
    }
}
