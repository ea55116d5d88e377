package com.alibaba.nacos;

import com.alibaba.nacos.core.code.ControllerMethodsCache;
import javax.annotation.PostConstruct;
import org.springframework.context.annotation.Configuration;

/**
 * What Nacos' console module does at start-up (its ConsoleConfig), which this server, built without
 * that module, must do itself: list the HTTP API's controller methods. Nacos' HTTP auth filter
 * looks a request's method up there to find its {@code @Secured} rule, and lets a request whose
 * method it does not find through unchecked: without this list every HTTP call was anonymous-open
 * (gRPC calls were checked).
 */
@Configuration
public class SecuredHttpApi {

    private final ControllerMethodsCache methods;

    public SecuredHttpApi(ControllerMethodsCache methods) {
        this.methods = methods;
    }

    @PostConstruct
    public void listControllers() {
        methods.initClassMethod("com.alibaba.nacos.core.controller");
        methods.initClassMethod("com.alibaba.nacos.naming.controllers");
        methods.initClassMethod("com.alibaba.nacos.config.server.controller");
        methods.initClassMethod("com.alibaba.nacos.plugin.auth.impl.controller");
    }
}
