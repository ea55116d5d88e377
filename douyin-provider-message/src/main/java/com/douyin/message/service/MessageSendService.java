package com.douyin.message.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.message.MessageDTO;
import com.douyin.api.message.MessageText;
import com.douyin.api.user.UserService;
import com.douyin.common.text.SensitiveText;
import com.douyin.message.assistant.AssistantReplies;
import com.douyin.message.push.ChatPush;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Service;

/**
 * Sending a message: to an existing user other than oneself, 1-1000 characters, sensitive words
 * masked; stored (see {@link ChatStore}), pushed to live connections, and, to the assistant,
 * answered by it.
 */
@Service
public class MessageSendService {

    @DubboReference(providedBy = "douyin-user", check = false)
    private UserService users;

    private final ChatStore chats;
    private final ChatPush push;
    private final AssistantReplies assistant;

    public MessageSendService(ChatStore chats, ChatPush push, AssistantReplies assistant) {
        this.chats = chats;
        this.push = push;
        this.assistant = assistant;
    }

    /** A message to the assistant whose answer is streamed on {@code streamId}'s channel, then stored. */
    public MessageDTO askAssistant(long userId, String content, String streamId) {
        if (assistant.isAssistant(userId)) {
            throw new DouyinException(ErrorCode.MESSAGE_TO_SELF);
        }
        MessageDTO message = chats.store(userId, assistant.assistantId(), SensitiveText.mask(MessageText.RULE.normalize(content)));
        push.announce(message);
        assistant.answerStreamingLater(userId, streamId);
        return message;
    }

    public MessageDTO send(long fromUserId, long toUserId, String content) {
        if (fromUserId == toUserId) {
            throw new DouyinException(ErrorCode.MESSAGE_TO_SELF);
        }
        String text = SensitiveText.mask(MessageText.RULE.normalize(content));
        if (!assistant.isAssistant(toUserId) && users.getUsers(List.of(toUserId)).isEmpty()) {
            throw new DouyinException(ErrorCode.USER_NOT_FOUND);
        }
        MessageDTO message = chats.store(fromUserId, toUserId, text);
        push.announce(message);
        if (assistant.isAssistant(toUserId)) {
            assistant.answerLater(fromUserId);
        }
        return message;
    }
}
