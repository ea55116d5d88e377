package com.douyin.gateway.json;

import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import com.douyin.api.video.VideoDTO;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * A page of provider videos → the client's Video objects, with the authors fetched in one
 * batch call. is_favorite and is_follow become real with the favorite and relation providers.
 */
@Component
public class VideoJsonMapper {

    @DubboReference(providedBy = "douyin-user")
    private UserService users;

    private final UserJsonMapper userJson;
    private final MediaUrls urls;

    public VideoJsonMapper(UserJsonMapper userJson, MediaUrls urls) {
        this.userJson = userJson;
        this.urls = urls;
    }

    public List<VideoJson> toJson(List<VideoDTO> videos) {
        if (videos.isEmpty()) {
            return List.of();
        }
        List<Long> authorIds = videos.stream().map(VideoDTO::authorId).distinct().toList();
        Map<Long, UserDTO> authors = users.getUsers(authorIds).stream()
                .collect(Collectors.toMap(UserDTO::id, Function.identity()));
        return videos.stream().map(v -> new VideoJson(v.id(),
                userJson.toJson(authors.getOrDefault(v.authorId(), unknownAuthor(v.authorId())), false),
                urls.object(v.playKey()), urls.cover(v.coverKey()),
                v.favoriteCount(), v.commentCount(), false, v.title())).toList();
    }

    /** An author whose account is gone still renders, rather than dropping the video. */
    private static UserDTO unknownAuthor(long id) {
        return new UserDTO(id, "", "", "", "", 0, 0, 0, 0, 0);
    }
}
