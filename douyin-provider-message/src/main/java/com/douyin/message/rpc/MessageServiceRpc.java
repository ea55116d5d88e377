package com.douyin.message.rpc;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.api.message.MessageDTO;
import com.douyin.api.message.MessageService;
import com.douyin.message.service.ChatSearch;
import com.douyin.message.service.ChatStore;
import com.douyin.message.service.MessageSendService;
import java.util.List;
import java.util.Map;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of the message provider; the logic is in the services. */
@DubboService
public class MessageServiceRpc implements MessageService {

    /** A chat read answers at most this many messages; a client far behind catches up over its next polls. */
    private static final int MAX_READ = 1000;

    private final MessageSendService sender;
    private final ChatStore chats;
    private final ChatSearch search;

    public MessageServiceRpc(MessageSendService sender, ChatStore chats, ChatSearch search) {
        this.sender = sender;
        this.chats = chats;
        this.search = search;
    }

    @Override
    public MessageDTO send(long fromUserId, long toUserId, String content) {
        return sender.send(fromUserId, toUserId, content);
    }

    @Override
    public MessageDTO askAssistant(long userId, String content, String streamId) {
        return sender.askAssistant(userId, content, streamId);
    }

    @Override
    public List<MessageDTO> chat(long userId, long peerId, long afterTime, int limit) {
        return chats.after(userId, peerId, afterTime, Math.max(1, Math.min(limit, MAX_READ)));
    }

    @Override
    public Map<Long, MessageDTO> latestWith(long userId, List<Long> peerIds) {
        return chats.latestWith(userId, peerIds);
    }

    @Override
    public CursorPage<MessageDTO> search(long userId, String keyword, PageCursor cursor, int count) {
        return search.search(userId, keyword, cursor, count);
    }
}
