package com.douyin.video.following;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * The authors whose publishes are not pushed into inboxes (they had at least
 * {@code douyin.feed.push-threshold} followers when they published): their followers' feeds read
 * their works at read time. An author stays here once added, so none of their videos is ever
 * neither pushed nor pulled; reading a few authors more costs little.
 */
@Component
public class PulledAuthors {

    private static final String KEY = "feed:pulled-authors";

    /** KEYS: the set. ARGV: authors. Answers those in the set. */
    private static final String AMONG = """
            local found = {}
            for i = 1, #ARGV do
              if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 1 then found[#found + 1] = ARGV[i] end
            end
            return found
            """;

    private final RedissonClient redisson;

    public PulledAuthors(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public boolean contains(long authorId) {
        return redisson.getSet(KEY, StringCodec.INSTANCE).contains(Long.toString(authorId));
    }

    public void add(long authorId) {
        redisson.getSet(KEY, StringCodec.INSTANCE).add(Long.toString(authorId));
    }

    /** Which of these authors are pulled, in one round trip. */
    public Set<Long> among(Collection<Long> authorIds) {
        if (authorIds.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>(authorIds.size());
        authorIds.forEach(author -> args.add(Long.toString(author)));
        List<Object> found = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY, AMONG, RScript.ReturnType.MULTI,
                List.of(KEY), args.toArray());
        Set<Long> pulled = new HashSet<>();
        found.forEach(author -> pulled.add(Long.valueOf((String) author)));
        return pulled;
    }
}
