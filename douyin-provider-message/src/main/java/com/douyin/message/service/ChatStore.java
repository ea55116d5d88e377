package com.douyin.message.service;

import com.douyin.api.message.MessageDTO;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.message.dao.ChatPair;
import com.douyin.message.dao.MessageMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chats in MySQL. A message is stored in one transaction with its chat's row, which gives it
 * a time strictly after the chat's latest message and stays locked until commit: within a chat,
 * times increase in commit order, so reading "after time T" never skips a message committed later.
 */
@Service
public class ChatStore {

    private final MessageMapper messages;
    private final SnowflakeIdGenerator ids;
    private final TransactionTemplate transaction;

    public ChatStore(MessageMapper messages, SnowflakeIdGenerator ids, TransactionTemplate transaction) {
        this.messages = messages;
        this.ids = ids;
        this.transaction = transaction;
    }

    public MessageDTO store(long fromUserId, long toUserId, String content) {
        long id = ids.nextId();
        ChatPair pair = ChatPair.of(fromUserId, toUserId);
        String terms = MessageTerms.of(fromUserId, toUserId, content); // before the chat's row is locked
        return transaction.execute(status -> {
            messages.advanceChat(pair, System.currentTimeMillis(), id);
            MessageDTO message = new MessageDTO(id, fromUserId, toUserId, content, messages.chatTime(pair));
            messages.insert(message, pair, terms);
            return message;
        });
    }

    public List<MessageDTO> after(long userId, long peerId, long afterTime, int limit) {
        return new ArrayList<>(messages.after(ChatPair.of(userId, peerId), afterTime, limit));
    }

    /** The latest {@code limit} messages, oldest first. */
    public List<MessageDTO> latest(long userId, long peerId, int limit) {
        List<MessageDTO> newestFirst = new ArrayList<>(messages.latest(ChatPair.of(userId, peerId), limit));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public Map<Long, MessageDTO> latestWith(long userId, List<Long> peerIds) {
        if (peerIds.isEmpty()) {
            return new HashMap<>();
        }
        List<ChatPair> pairs = peerIds.stream().map(peer -> ChatPair.of(userId, peer)).toList();
        return messages.latestOf(pairs).stream()
                .collect(Collectors.toMap(m -> m.peerOf(userId), Function.identity(), (a, b) -> a, HashMap::new));
    }
}
