package com.douyin.gateway.web;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.user.AuthDTO;
import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import com.douyin.api.video.SearchKeyword;
import com.douyin.common.auth.AccessClaims;
import com.douyin.gateway.auth.RevokedSessions;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.chat.ChatSessions;
import com.douyin.gateway.json.StatusResponse;
import com.douyin.gateway.upload.ProfileEditor;
import com.douyin.gateway.upload.ProfileImages;
import com.douyin.gateway.json.AuthResponse;
import com.douyin.gateway.json.UserJsonMapper;
import com.douyin.gateway.json.UserListResponse;
import com.douyin.gateway.json.UserResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Register, login, refresh, user info, profile edits and user search. */
@RestController
public class UserController {

    private static final int SEARCH_PAGE = 30;
    private static final int MAX_SEARCH_PAGE = 100;

    @Autowired // ProviderReferences
    private UserService users;

    private final ViewerAuthenticator auth;
    private final UserJsonMapper userJson;
    private final ProfileImages images;
    private final ProfileEditor profiles;
    private final FeedEntryChanges feedChanges;
    private final RevokedSessions revoked;
    private final ChatSessions chats;

    public UserController(ViewerAuthenticator auth, UserJsonMapper userJson, ProfileImages images, ProfileEditor profiles,
                          FeedEntryChanges feedChanges, RevokedSessions revoked, ChatSessions chats) {
        this.auth = auth;
        this.userJson = userJson;
        this.images = images;
        this.profiles = profiles;
        this.feedChanges = feedChanges;
        this.revoked = revoked;
        this.chats = chats;
    }

    @PostMapping({"/douyin/user/register/", "/douyin/user/register"})
    public AuthResponse register(HttpServletRequest request) {
        AuthDTO result = users.register(RequestParams.required(request, "username"),
                RequestParams.required(request, "password"));
        return new AuthResponse(0, "Registered.", result.userId(), result.token(), result.refreshToken());
    }

    @PostMapping({"/douyin/user/login/", "/douyin/user/login"})
    public AuthResponse login(HttpServletRequest request) {
        AuthDTO result = users.login(RequestParams.required(request, "username"),
                RequestParams.required(request, "password"));
        return new AuthResponse(0, "Logged in.", result.userId(), result.token(), result.refreshToken());
    }

    /** A new access token, and the next refresh token, for a refresh token (used up by this). */
    @PostMapping({"/douyin/user/refresh/", "/douyin/user/refresh"})
    public AuthResponse refresh(HttpServletRequest request) {
        AuthDTO result = users.refresh(RequestParams.required(request, "refresh_token"));
        return new AuthResponse(0, "Refreshed.", result.userId(), result.token(), result.refreshToken());
    }

    /**
     * Ends the caller's session (the token's): its refresh token stops working, its access tokens
     * are refused (at once on this gateway, within seconds on the others), its chat connections close.
     */
    @PostMapping({"/douyin/user/logout/", "/douyin/user/logout"})
    public StatusResponse logout(HttpServletRequest request) {
        AccessClaims caller = auth.requireSession(request);
        users.logout(caller.userId(), caller.sessionId());
        revoked.revokedHere(caller.sessionId());
        chats.closeSession(caller.sessionId());
        return new StatusResponse(0, "Logged out.");
    }

    /**
     * Edits the caller's profile: any of {@code name}, {@code signature}, {@code avatar} and
     * {@code background_image} (image files, checked by their bytes, at most 5 MB each), and the
     * password ({@code new_password} with {@code old_password}), which signs out the caller's
     * other sessions. The password goes first: a wrong old password changes nothing.
     */
    @PostMapping({"/douyin/user/update/", "/douyin/user/update"})
    public UserResponse update(HttpServletRequest request) throws IOException {
        AccessClaims caller = auth.requireSession(request);
        long userId = caller.userId();
        String name = RequestParams.optional(request, "name");
        String signature = RequestParams.optional(request, "signature");
        String newPassword = RequestParams.optional(request, "new_password");
        ProfileImages.Image avatar = images.checked(request, "avatar");
        ProfileImages.Image background = images.checked(request, "background_image");
        boolean profileEdit = name != null || signature != null || avatar != null || background != null;
        if (!profileEdit && newPassword == null) {
            throw new DouyinException(ErrorCode.NOTHING_TO_UPDATE);
        }
        if (newPassword != null) {
            users.changePassword(userId, caller.sessionId(), RequestParams.optional(request, "old_password"), newPassword);
        }
        if (!profileEdit) {
            return new UserResponse(0, "Password changed.", userJson.toJson(users.getUser(userId), false));
        }
        UserDTO updated;
        try {
            updated = profiles.edit(userId, name, signature, avatar, background);
        } finally {
            feedChanges.usersChanged(userId); // this gateway's copy of the author, even after a timeout
        }
        return new UserResponse(0, "Updated.", userJson.toJson(updated, false));
    }

    @GetMapping({"/douyin/user/", "/douyin/user"})
    public UserResponse user(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        Long asked = RequestParams.optionalId(request, "user_id");
        long userId = asked != null ? asked
                : viewer.orElseThrow(() -> new DouyinException(ErrorCode.LOGIN_REQUIRED,
                        "Give a user_id, or log in to see your own profile."));
        boolean followed = userJson.followedBy(viewer, List.of(userId)).contains(userId);
        return new UserResponse(0, "success", userJson.toJson(users.getUser(userId), followed));
    }

    /**
     * Users whose name starts with {@code keyword} (Chinese too), in name order, paged by
     * {@code offset} and {@code count} (default 30, at most 100), with is_follow for the viewer.
     */
    @GetMapping({"/douyin/search/user/", "/douyin/search/user"})
    public UserListResponse search(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        String keyword = SearchKeyword.normalize(RequestParams.optional(request, "keyword"));
        List<Long> ids = users.searchByName(keyword, RequestParams.offset(request),
                RequestParams.count(request, SEARCH_PAGE, MAX_SEARCH_PAGE));
        return new UserListResponse(0, "success", userJson.inOrder(ids, viewer));
    }
}
