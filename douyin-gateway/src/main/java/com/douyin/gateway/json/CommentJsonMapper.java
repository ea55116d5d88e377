package com.douyin.gateway.json;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentThreadDTO;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Provider comments → the client's Comment objects, with their users fetched in one batch call. */
@Component
public class CommentJsonMapper {

    private final UserJsonMapper userJson;
    private final DateTimeFormatter createDate;

    public CommentJsonMapper(UserJsonMapper userJson, @Value("${douyin.gateway.display-zone:Asia/Shanghai}") ZoneId zone) {
        this.userJson = userJson;
        this.createDate = DateTimeFormatter.ofPattern("MM-dd").withZone(zone);
    }

    /** Top-level comments with their reply counts, as {@code viewer} sees them (is_follow of their authors). */
    public List<CommentJson> threadsToJson(List<CommentThreadDTO> threads, OptionalLong viewer) {
        Map<Long, Long> replyCounts = threads.stream()
                .collect(Collectors.toMap(t -> t.comment().id(), CommentThreadDTO::replyCount, (a, b) -> a));
        return toJson(threads.stream().map(CommentThreadDTO::comment).toList(), c -> replyCounts.getOrDefault(c.id(), 0L), viewer);
    }

    /** Comments shown without replies (reply_count 0): replies, a comment just added or deleted; as {@code viewer} sees them. */
    public List<CommentJson> toJson(List<CommentDTO> comments, OptionalLong viewer) {
        return toJson(comments, c -> 0, viewer);
    }

    public CommentJson toJson(CommentDTO comment, OptionalLong viewer) {
        return comment == null ? null : toJson(List.of(comment), viewer).get(0);
    }

    private List<CommentJson> toJson(List<CommentDTO> comments, ToLongFunction<CommentDTO> replyCount, OptionalLong viewer) {
        if (comments.isEmpty()) {
            return List.of();
        }
        Map<Long, UserJson> authors = userJson.byId(comments.stream().map(CommentDTO::userId).toList(), viewer);
        return comments.stream().map(c -> new CommentJson(c.id(), authors.get(c.userId()), c.content(),
                createDate.format(Instant.ofEpochMilli(c.createdAt())), c.parentId(), replyCount.applyAsLong(c))).toList();
    }
}
