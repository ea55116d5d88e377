package com.douyin.gateway.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The contract's {@code application/json; charset=utf-8} on every JSON answer, and only there:
 * forcing the servlet encoding would also stamp a charset on videos and images. (And the writer of
 * JSON written ahead in parts.)
 */
@Configuration
public class JsonCharsetConfig implements WebMvcConfigurer {

    /** The contract's content type, for answers written without the JSON converter. */
    public static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new JsonPartsConverter());
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setDefaultCharset(StandardCharsets.UTF_8);
            }
        }
    }
}
