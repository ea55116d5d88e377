package com.douyin.gateway.web;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.user.AuthDTO;
import com.douyin.api.user.UserService;
import com.douyin.api.video.SearchKeyword;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.json.AuthResponse;
import com.douyin.gateway.json.UserJsonMapper;
import com.douyin.gateway.json.UserListResponse;
import com.douyin.gateway.json.UserResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.OptionalLong;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Register, login, user info and user search. */
@RestController
public class UserController {

    private static final int SEARCH_PAGE = 30;
    private static final int MAX_SEARCH_PAGE = 100;

    @DubboReference(providedBy = "douyin-user")
    private UserService users;

    private final ViewerAuthenticator auth;
    private final UserJsonMapper userJson;

    public UserController(ViewerAuthenticator auth, UserJsonMapper userJson) {
        this.auth = auth;
        this.userJson = userJson;
    }

    @PostMapping({"/douyin/user/register/", "/douyin/user/register"})
    public AuthResponse register(HttpServletRequest request) {
        AuthDTO result = users.register(RequestParams.required(request, "username"),
                RequestParams.required(request, "password"));
        return new AuthResponse(0, "Registered.", result.userId(), result.token());
    }

    @PostMapping({"/douyin/user/login/", "/douyin/user/login"})
    public AuthResponse login(HttpServletRequest request) {
        AuthDTO result = users.login(RequestParams.required(request, "username"),
                RequestParams.required(request, "password"));
        return new AuthResponse(0, "Logged in.", result.userId(), result.token());
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
