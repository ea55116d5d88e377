package com.douyin.gateway.config;

import com.douyin.api.comment.CommentService;
import com.douyin.api.common.WriteTimeouts;
import com.douyin.api.favorite.FavoriteService;
import com.douyin.api.relation.RelationService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.annotation.Method;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's one reference to each provider of a hot write; the classes that use them inject
 * them by type. The method timeouts here were meant to give the writes {@link WriteTimeouts}, but
 * CI showed calls still cut at 3 s: the 6 s the writes get today is the consumer default in
 * application.yaml. Until it is known why these are ignored, they only document the intent.
 */
@Configuration
public class WriteReferences {

    @Bean
    @DubboReference(providedBy = "douyin-favorite", methods = {
            @Method(name = "like", timeout = WriteTimeouts.SYNCHRONOUS_PATH_MS),
            @Method(name = "unlike", timeout = WriteTimeouts.SYNCHRONOUS_PATH_MS),
            @Method(name = "changeAll", timeout = WriteTimeouts.SYNCHRONOUS_PATH_MS)})
    public ReferenceBean<FavoriteService> favoriteService() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference(providedBy = "douyin-relation", methods = {
            @Method(name = "follow", timeout = WriteTimeouts.SYNCHRONOUS_PATH_MS),
            @Method(name = "unfollow", timeout = WriteTimeouts.SYNCHRONOUS_PATH_MS)})
    public ReferenceBean<RelationService> relationService() {
        return new ReferenceBean<>();
    }

    @Bean
    @DubboReference(providedBy = "douyin-comment", methods = {
            @Method(name = "add", timeout = WriteTimeouts.SYNCHRONOUS_PATH_MS),
            @Method(name = "delete", timeout = WriteTimeouts.SYNCHRONOUS_PATH_MS)})
    public ReferenceBean<CommentService> commentService() {
        return new ReferenceBean<>();
    }
}
