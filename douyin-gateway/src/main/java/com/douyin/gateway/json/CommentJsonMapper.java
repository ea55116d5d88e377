package com.douyin.gateway.json;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Provider comments → the client's Comment objects, with their users fetched in one batch call. */
@Component
public class CommentJsonMapper {

    @DubboReference(providedBy = "douyin-user")
    private UserService users;

    private final UserJsonMapper userJson;
    private final DateTimeFormatter createDate;

    public CommentJsonMapper(UserJsonMapper userJson, @Value("${douyin.gateway.display-zone:Asia/Shanghai}") ZoneId zone) {
        this.userJson = userJson;
        this.createDate = DateTimeFormatter.ofPattern("MM-dd").withZone(zone);
    }

    public List<CommentJson> toJson(List<CommentDTO> comments) {
        if (comments.isEmpty()) {
            return List.of();
        }
        Map<Long, UserDTO> authors = users.getUsers(comments.stream().map(CommentDTO::userId).distinct().toList()).stream()
                .collect(Collectors.toMap(UserDTO::id, Function.identity()));
        return comments.stream().map(c -> new CommentJson(c.id(),
                userJson.toJson(authors.getOrDefault(c.userId(), UserJsonMapper.unknownUser(c.userId())), false),
                c.content(), createDate.format(Instant.ofEpochMilli(c.createdAt())))).toList();
    }

    public CommentJson toJson(CommentDTO comment) {
        return comment == null ? null : toJson(List.of(comment)).get(0);
    }
}
