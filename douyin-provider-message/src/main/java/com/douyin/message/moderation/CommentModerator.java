package com.douyin.message.moderation;

import com.douyin.api.comment.CommentDTO;
import com.douyin.message.assistant.AssistantProperties;
import com.douyin.message.assistant.ChatCompletionClient;
import com.douyin.message.assistant.DoneOnce;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The assistant's moderation of comments: each comment added is shown to the model, and one it
 * judges abusive is masked by the comment provider (each character a '*', in the row and the
 * lists). Platform work, so it counts against no user's allowance of model calls; the assistant's
 * own comments are not judged. Once per comment (remembered for a week). The sensitive-word mask
 * on the way in stays: this catches what no word list does.
 */
@Service
public class CommentModerator {

    static final String INSTRUCTIONS = """
            You moderate comments in a short-video app. Answer with one JSON object and nothing else: \
            {"abusive": true if the comment insults, harasses or threatens someone, or is hateful or obscene, else false}""";
    private static final Duration REMEMBERED = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(CommentModerator.class);

    private final AssistantProperties assistant;
    private final ChatCompletionClient chat;
    private final ModeratedComments comments;
    private final DoneOnce judged;

    public CommentModerator(AssistantProperties assistant, ModeratedComments comments, RedissonClient redisson) {
        this.assistant = assistant;
        this.chat = ChatCompletionClient.of(assistant);
        this.comments = comments;
        this.judged = new DoneOnce(redisson, "moderation:done", REMEMBERED);
    }

    /**
     * Judges the comment once and masks it if abusive. Throws when the model cannot be reached, or
     * when the comment's row is not written yet (the event is delivered again later).
     */
    public void moderate(CommentDTO comment) throws IOException, InterruptedException {
        if (!assistant.configured() || comment.userId() == assistant.userId() || judged.isDone(comment.id())) {
            return;
        }
        CommentVerdict verdict;
        try {
            verdict = CommentVerdict.parse(chat.ask(INSTRUCTIONS, comment.content()));
        } catch (JsonProcessingException e) {
            log.warn("Comment {} stays as it is, the model's answer was no verdict: {}", comment.id(), e.getOriginalMessage());
            judged.markDone(comment.id());
            return;
        }
        if (verdict.abusive() && !comments.mask(comment.videoId(), comment.id())) {
            throw new IllegalStateException("comment " + comment.id() + " is not in MySQL yet: masked on a later delivery");
        }
        judged.markDone(comment.id());
    }
}
