package com.douyin.gateway.config;

import com.douyin.gateway.json.JsonParts;
import java.io.OutputStream;
import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Writes {@link JsonParts} as the contract's JSON, with its Content-Length. */
public class JsonPartsConverter extends AbstractHttpMessageConverter<JsonParts> {

    public JsonPartsConverter() {
        super(JsonCharsetConfig.JSON_UTF8);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return JsonParts.class == type;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected JsonParts readInternal(Class<? extends JsonParts> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("JSON parts are only written", input);
    }

    @Override
    protected Long getContentLength(JsonParts json, MediaType contentType) {
        return (long) json.length();
    }

    @Override
    protected void writeInternal(JsonParts json, HttpOutputMessage output) throws IOException {
        OutputStream body = output.getBody();
        for (byte[] part : json.parts()) {
            body.write(part);
        }
    }
}
