package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.user.ProfileChange;
import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A profile edit with its images: the new images are stored first, the profile then points at
 * them; a refused edit removes them again, an accepted one removes the images it replaced.
 */
@Component
public class ProfileEditor {

    @Autowired // ProviderReferences
    private UserService users;

    private final ProfileImages images;

    public ProfileEditor(ProfileImages images) {
        this.images = images;
    }

    /** Any of the four may be null (unchanged). Answers the profile as edited. */
    public UserDTO edit(long userId, String name, String signature, ProfileImages.Image avatar, ProfileImages.Image background)
            throws IOException {
        UserDTO before = avatar != null || background != null ? users.getUser(userId) : null; // images it replaces
        String avatarKey = images.store(userId, "avatars", avatar);
        String backgroundKey = images.store(userId, "backgrounds", background);
        UserDTO updated;
        try {
            updated = users.updateProfile(userId, new ProfileChange(name, signature, avatarKey, backgroundKey));
        } catch (DouyinException refused) {
            images.delete(avatarKey, backgroundKey);
            throw refused;
        }
        if (before != null) {
            images.deleteReplaced(userId, "avatars", before.avatar(), avatarKey);
            images.deleteReplaced(userId, "backgrounds", before.backgroundImage(), backgroundKey);
        }
        return updated;
    }
}
