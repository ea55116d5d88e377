package com.douyin.gateway.web;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import com.douyin.api.message.MessageDTO;
import com.douyin.api.message.MessageService;
import com.douyin.api.message.MessageText;
import com.douyin.api.video.SearchKeyword;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.json.MessageJson;
import com.douyin.gateway.json.MessageListResponse;
import com.douyin.gateway.json.MessagePageResponse;
import com.douyin.gateway.json.StatusResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sending chat messages, polling a chat (the WebSocket push is {@code ChatSocketHandler}) and searching one's own chats. */
@RestController
public class MessageController {

    /** A poll answers at most this many messages; a client far behind catches up over its next polls. */
    private static final int MAX_PER_POLL = 1000;

    @Autowired // ProviderReferences
    private MessageService messages;

    private final ViewerAuthenticator auth;

    public MessageController(ViewerAuthenticator auth) {
        this.auth = auth;
    }

    @PostMapping({"/douyin/message/action/", "/douyin/message/action"})
    public StatusResponse send(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        long toUserId = RequestParams.requiredId(request, "to_user_id");
        if (RequestParams.actionType(request) != 1) {
            throw new DouyinException(ErrorCode.ACTION_TYPE_INVALID, "action_type must be 1 (send).");
        }
        String content = MessageText.RULE.normalize(RequestParams.optional(request, "content"));
        messages.send(userId, toUserId, content);
        return new StatusResponse(0, "Sent.");
    }

    /** The chat with {@code to_user_id} after {@code pre_msg_time} (epoch ms, exclusive), oldest first. */
    @GetMapping({"/douyin/message/chat/", "/douyin/message/chat"})
    public MessageListResponse chat(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        long peerId = RequestParams.requiredId(request, "to_user_id");
        Long after = RequestParams.optionalId(request, "pre_msg_time");
        return new MessageListResponse(0, "success", messages.chat(userId, peerId, after == null ? 0 : after, MAX_PER_POLL)
                .stream().map(MessageJson::of).toList());
    }

    /**
     * The viewer's own messages (sent or received) holding every word of {@code keyword}, newest
     * first: {@code count} (default and at most 100) after {@code cursor}.
     */
    @GetMapping({"/douyin/message/search/", "/douyin/message/search"})
    public MessagePageResponse search(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        String keyword = SearchKeyword.normalize(RequestParams.optional(request, "keyword"));
        CursorPage<MessageDTO> page = messages.search(userId, keyword, RequestParams.cursor(request), RequestParams.pageCount(request));
        return new MessagePageResponse(0, "success", PageCursor.textOf(page.next()), page.items().stream().map(MessageJson::of).toList());
    }
}
