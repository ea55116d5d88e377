package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails with UPLOAD_TOO_LARGE as soon as it has given more than
 * {@code maxBytes}: a body without a (truthful) Content-Length is stopped at the limit too, and
 * the store, failing mid-copy, keeps nothing of it.
 */
final class SizeCappedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long read;

    SizeCappedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > maxBytes) {
            throw new DouyinException(ErrorCode.UPLOAD_TOO_LARGE);
        }
    }
}
