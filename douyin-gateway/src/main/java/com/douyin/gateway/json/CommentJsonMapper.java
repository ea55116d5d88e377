package com.douyin.gateway.json;

import com.douyin.api.comment.CommentDTO;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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

    /** The comments as {@code viewer} sees them (is_follow of their authors). */
    public List<CommentJson> toJson(List<CommentDTO> comments, OptionalLong viewer) {
        if (comments.isEmpty()) {
            return List.of();
        }
        Map<Long, UserJson> authors = userJson.byId(comments.stream().map(CommentDTO::userId).toList(), viewer);
        return comments.stream().map(c -> new CommentJson(c.id(), authors.get(c.userId()),
                c.content(), createDate.format(Instant.ofEpochMilli(c.createdAt())))).toList();
    }

    public CommentJson toJson(CommentDTO comment, OptionalLong viewer) {
        return comment == null ? null : toJson(List.of(comment), viewer).get(0);
    }
}
