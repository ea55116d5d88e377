package com.douyin.gateway.config;

import com.douyin.api.comment.CommentService;
import com.douyin.api.common.WriteTimeouts;
import com.douyin.api.favorite.FavoriteService;
import com.douyin.api.message.MessageService;
import com.douyin.api.relation.RelationService;
import com.douyin.api.user.UserService;
import com.douyin.api.video.VideoService;
import java.util.List;
import org.apache.dubbo.config.MethodConfig;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's one reference to each provider, and the timeout of every call it makes: a read
 * {@value #READ_TIMEOUT_MS} ms; a hot write, which may take the synchronous path when the broker is
 * slow, {@link WriteTimeouts#SYNCHRONOUS_PATH_MS}; a publish {@link VideoService#PUBLISH_TIMEOUT_MS}.
 * The classes that call a provider inject its interface by type.
 *
 * <p>Each reference carries its own timeouts, so neither the consumer default nor what a provider
 * publishes through the registry changes them. They are built with {@link ReferenceBeanBuilder},
 * not with {@code @DubboReference(methods = @Method(...))} on these methods: Dubbo 3.3 reads such
 * nested {@code @Method}s with all their defaults, fails on the empty callback names and drops the
 * methods without a word (ProviderReferencesTest).
 */
@Configuration
public class ProviderReferences {

    static final int READ_TIMEOUT_MS = 3_000;

    @Bean
    public ReferenceBean<VideoService> videoService() {
        return reference("douyin-video", longerCall("publish", VideoService.PUBLISH_TIMEOUT_MS));
    }

    @Bean
    public ReferenceBean<UserService> userService() {
        return reference("douyin-user");
    }

    @Bean
    public ReferenceBean<FavoriteService> favoriteService() {
        return reference("douyin-favorite", hotWrite("like"), hotWrite("unlike"), hotWrite("changeAll"));
    }

    @Bean
    public ReferenceBean<RelationService> relationService() {
        return reference("douyin-relation", hotWrite("follow"), hotWrite("unfollow"));
    }

    @Bean
    public ReferenceBean<CommentService> commentService() {
        return reference("douyin-comment", hotWrite("add"), hotWrite("delete"));
    }

    @Bean
    public ReferenceBean<MessageService> messageService() {
        return reference("douyin-message");
    }

    /** A reference to {@code provider}'s interface (the @Bean method's type): reads, and these longer calls. */
    private static <T> ReferenceBean<T> reference(String provider, MethodConfig... longerCalls) {
        ReferenceBeanBuilder reference = new ReferenceBeanBuilder().setProvidedBy(provider).setTimeout(READ_TIMEOUT_MS);
        if (longerCalls.length > 0) {
            reference.setMethods(List.of(longerCalls));
        }
        return reference.build();
    }

    private static MethodConfig hotWrite(String method) {
        return longerCall(method, WriteTimeouts.SYNCHRONOUS_PATH_MS);
    }

    /** Dubbo refuses to start if {@code method} is not one of the interface's. */
    private static MethodConfig longerCall(String method, int timeoutMs) {
        MethodConfig call = new MethodConfig();
        call.setName(method);
        call.setTimeout(timeoutMs);
        return call;
    }
}
