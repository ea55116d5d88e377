package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.common.storage.ObjectStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Avatar and background images of a profile edit: checked by their bytes and size, then stored. */
@Component
public class ProfileImages {

    private final ObjectStore store;

    public ProfileImages(ObjectStore store) {
        this.store = store;
    }

    /** An image a request carries, checked: its file and format. */
    public record Image(MultipartFile file, ImageFormat format) {
    }

    /** The image in multipart field {@code field}, checked; null if the request has none. */
    public Image checked(HttpServletRequest request, String field) throws IOException {
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile(field) : null;
        if (file == null) {
            return null;
        }
        if (file.getSize() > ImageFormat.MAX_BYTES) {
            throw new DouyinException(ErrorCode.UPLOAD_TOO_LARGE, "The image " + field + " is larger than 5 MB.");
        }
        try (InputStream head = file.getInputStream()) {
            return new Image(file, ImageFormat.detect(head));
        }
    }

    /** Stores it under {@code folder/USER/RANDOM.EXT} and answers the key; null for no image. */
    public String store(long userId, String folder, Image image) throws IOException {
        if (image == null) {
            return null;
        }
        String key = folder + "/" + userId + "/" + UUID.randomUUID() + "." + image.format().extension();
        try (InputStream content = image.file().getInputStream()) {
            store.put(key, content, image.file().getSize(), image.format().contentType());
        }
        return key;
    }

    /**
     * After an edit that stored {@code now} in {@code folder}: removes the image it replaced,
     * {@code before}, if it is one stored for this user (not a default image, never the new one).
     * Image keys are random, so no later edit can have set {@code before} again.
     */
    public void deleteReplaced(long userId, String folder, String before, String now) {
        if (now != null && before != null && !before.equals(now) && before.startsWith(folder + "/" + userId + "/")) {
            store.delete(before);
        }
    }

    /** Removes images stored for an edit that was then refused. */
    public void delete(String... keys) {
        for (String key : keys) {
            if (key != null) {
                store.delete(key);
            }
        }
    }
}
