package com.douyin.gateway.web;

import com.douyin.api.message.MessageDTO;
import com.douyin.api.message.MessageService;
import com.douyin.api.relation.RelationService;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.json.FriendListResponse;
import com.douyin.gateway.json.FriendUserJson;
import com.douyin.gateway.json.StatusResponse;
import com.douyin.gateway.json.UserJson;
import com.douyin.gateway.json.UserJsonMapper;
import com.douyin.gateway.json.UserListResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Following users, and the follow, follower and friend lists. Lists are paged ({@code offset},
 * {@code count}: default 100, at most 500), so a user with a million followers is never loaded
 * whole; the stock client sends neither and gets the first 100.
 */
@RestController
public class RelationController {

    private static final Logger log = LoggerFactory.getLogger(RelationController.class);
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 500;

    @Autowired // ProviderReferences
    private RelationService relations;

    @Autowired // ProviderReferences
    private MessageService messages;

    private final ViewerAuthenticator auth;
    private final UserJsonMapper userJson;
    private final FeedEntryChanges feedChanges;
    private final long assistantId;

    public RelationController(ViewerAuthenticator auth, UserJsonMapper userJson, FeedEntryChanges feedChanges,
                              @Value("${douyin.assistant.user-id:1}") long assistantId) {
        this.auth = auth;
        this.userJson = userJson;
        this.feedChanges = feedChanges;
        this.assistantId = assistantId;
    }

    @PostMapping({"/douyin/relation/action/", "/douyin/relation/action"})
    public StatusResponse action(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        long toUserId = RequestParams.requiredId(request, "to_user_id");
        try {
            if (RequestParams.actionType(request) == 1) {
                relations.follow(userId, toUserId);
                return new StatusResponse(0, "Followed.");
            }
            relations.unfollow(userId, toUserId);
            return new StatusResponse(0, "Unfollowed.");
        } finally { // follow_count and follower_count (a failed call may still have changed them)
            feedChanges.usersChanged(userId, toUserId);
            feedChanges.viewerChanged(userId); // is_follow
        }
    }

    @GetMapping({"/douyin/relation/follow/list/", "/douyin/relation/follow/list"})
    public UserListResponse following(HttpServletRequest request) {
        return userList(request, relations::following);
    }

    @GetMapping({"/douyin/relation/follower/list/", "/douyin/relation/follower/list"})
    public UserListResponse followers(HttpServletRequest request) {
        return userList(request, relations::followers);
    }

    /** A page of one of the user's lists, as the viewer sees it. */
    private UserListResponse userList(HttpServletRequest request, PagedList list) {
        OptionalLong viewer = auth.optionalViewer(request);
        long userId = RequestParams.requiredId(request, "user_id");
        List<Long> ids = list.page(userId, RequestParams.offset(request), RequestParams.count(request, DEFAULT_PAGE, MAX_PAGE));
        return new UserListResponse(0, "success", userJson.inOrder(ids, viewer));
    }

    /** Following or followers: {@code count} user IDs from {@code offset}. */
    @FunctionalInterface
    private interface PagedList {
        List<Long> page(long userId, int offset, int count);
    }

    /**
     * Mutual follows, each with the latest message between the viewer and them. The viewer's own
     * list starts with the assistant account, which every user can chat with.
     */
    @GetMapping({"/douyin/relation/friend/list/", "/douyin/relation/friend/list"})
    public FriendListResponse friends(HttpServletRequest request) {
        long viewer = auth.requireViewer(request);
        long userId = RequestParams.requiredId(request, "user_id");
        int offset = RequestParams.offset(request);
        List<Long> ids = new ArrayList<>();
        if (userId == viewer && offset == 0) {
            ids.add(assistantId);
        }
        ids.addAll(relations.friends(userId, offset, RequestParams.count(request, DEFAULT_PAGE, MAX_PAGE)));
        Map<Long, MessageDTO> latest = latestMessages(viewer, ids);
        List<FriendUserJson> friends = new ArrayList<>();
        for (UserJson user : userJson.inOrder(ids, OptionalLong.of(viewer))) {
            MessageDTO message = latest.get(user.id());
            friends.add(new FriendUserJson(user, message == null ? "" : message.content(),
                    message != null && message.fromUserId() == viewer ? 1 : 0));
        }
        return new FriendListResponse(0, "success", friends);
    }

    /** If the message provider cannot answer, the list still shows, without messages. */
    private Map<Long, MessageDTO> latestMessages(long viewer, List<Long> peers) {
        try {
            return messages.latestWith(viewer, peers);
        } catch (RpcException e) {
            log.warn("Latest messages unavailable, the friend list shows none: {}", e.toString());
            return Map.of();
        }
    }
}
