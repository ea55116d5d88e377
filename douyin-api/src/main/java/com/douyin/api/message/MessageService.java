package com.douyin.api.message;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import java.util.List;
import java.util.Map;

/** Chat between two users; owned by douyin-provider-message. */
public interface MessageService {

    /**
     * Sends a message (sensitive words masked) and answers it as stored. Fails with USER_NOT_FOUND,
     * MESSAGE_TO_SELF or MESSAGE_INVALID. A message to the assistant account is answered by it
     * a moment later, as a message of its own.
     */
    MessageDTO send(long fromUserId, long toUserId, String content);

    /**
     * Sends {@code content} to the assistant account and streams its answer on the channel
     * {@link AssistantStreamChannel#name}({@code streamId}) as it is written (subscribe first);
     * the whole answer is then stored as the assistant's message. Answers the user's message as
     * stored. Fails like {@link #send}.
     */
    MessageDTO askAssistant(long userId, String content, String streamId);

    /**
     * The chat of the two users after {@code afterTime} (epoch ms, exclusive), oldest first, at most
     * {@code limit}. Polling with the last create_time received never repeats nor skips a message.
     */
    List<MessageDTO> chat(long userId, long peerId, long afterTime, int limit);

    /** The latest message of the user's chat with each of these peers (peers with no chat are absent). */
    Map<Long, MessageDTO> latestWith(long userId, List<Long> peerIds);

    /**
     * The user's own chat messages (sent or received) holding every word of {@code keyword}
     * (segmented as video search segments titles; each word also finds longer words it starts),
     * newest first: up to {@code count} (at most {@link CursorPage#MAX_COUNT}) after {@code cursor}
     * (null: from the newest). Nobody finds another person's chats. A keyword without a searchable
     * word finds nothing.
     */
    CursorPage<MessageDTO> search(long userId, String keyword, PageCursor cursor, int count);
}
