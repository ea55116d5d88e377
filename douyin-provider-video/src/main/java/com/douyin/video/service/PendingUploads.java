package com.douyin.video.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.video.dao.PendingUploadMapper;
import org.springframework.stereotype.Service;

/**
 * Video files stored but not published yet ({@code pending_upload}): recorded before the file is
 * written, taken away by the publish that uses it, otherwise deleted some time after the upload
 * could last happen ({@link UnpublishedUploadSweeper}).
 */
@Service
public class PendingUploads {

    private final PendingUploadMapper pending;

    public PendingUploads(PendingUploadMapper pending) {
        this.pending = pending;
    }

    /** {@code key} may be uploaded by {@code ownerId} until {@code expiresAtMs}. */
    public void expect(long ownerId, String key, long expiresAtMs) {
        pending.insert(key, ownerId, expiresAtMs);
    }

    /**
     * In the transaction that inserts the video: the key is no longer pending. UPLOAD_NOT_FOUND if
     * the sweeper has begun deleting its file or has deleted it (the row lock orders the two); a
     * key never recorded (stored before keys were) is published as it is.
     */
    public void claim(String key) {
        Integer swept = pending.lockSwept(key);
        if (swept == null) {
            return;
        }
        if (swept != PendingUploadMapper.PENDING) {
            throw new DouyinException(ErrorCode.UPLOAD_NOT_FOUND);
        }
        pending.delete(key);
    }
}
