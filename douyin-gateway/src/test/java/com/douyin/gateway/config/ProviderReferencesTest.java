package com.douyin.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.comment.CommentService;
import com.douyin.api.common.WriteTimeouts;
import com.douyin.api.favorite.FavoriteService;
import com.douyin.api.message.MessageService;
import com.douyin.api.relation.RelationService;
import com.douyin.api.user.UserService;
import com.douyin.api.video.VideoService;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.url.component.ServiceConfigURL;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.apache.dubbo.metadata.MetadataInfo;
import org.apache.dubbo.registry.client.DefaultServiceInstance;
import org.apache.dubbo.registry.client.InstanceAddressURL;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcInvocation;
import org.apache.dubbo.rpc.model.ApplicationModel;
import org.apache.dubbo.rpc.support.RpcUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;

/**
 * The timeout of every call the gateway makes, as Dubbo computes it for a call to a provider found
 * through the registry, whatever the consumer default and whatever the provider publishes.
 */
class ProviderReferencesTest {

    /** The providers the gateway calls. */
    private static final List<Class<?>> PROVIDED = List.of(VideoService.class, UserService.class, FavoriteService.class,
            RelationService.class, CommentService.class, MessageService.class);

    /** The calls that may take longer than a read; every other call is a read. */
    private static final Map<String, Integer> LONGER_CALLS = Map.of(
            "FavoriteService.like", WriteTimeouts.SYNCHRONOUS_PATH_MS,
            "FavoriteService.unlike", WriteTimeouts.SYNCHRONOUS_PATH_MS,
            "FavoriteService.changeAll", WriteTimeouts.SYNCHRONOUS_PATH_MS,
            "RelationService.follow", WriteTimeouts.SYNCHRONOUS_PATH_MS,
            "RelationService.unfollow", WriteTimeouts.SYNCHRONOUS_PATH_MS,
            "CommentService.add", WriteTimeouts.SYNCHRONOUS_PATH_MS,
            "CommentService.delete", WriteTimeouts.SYNCHRONOUS_PATH_MS,
            "VideoService.publish", VideoService.PUBLISH_TIMEOUT_MS);
    private static final int READ_MS = 3_000; // stated here, not taken from ProviderReferences, so a change there shows

    // Timeouts no call should end up with, so that a call falling back to one of them shows.
    private static final int CONSUMER_DEFAULT_MS = 4_500;
    private static final int PROVIDER_DEFAULT_MS = 2_500;
    private static final int PROVIDER_METHOD_MS = 7_500;

    @Configuration
    @EnableDubbo
    @Import(ProviderReferences.class)
    static class Gateway {
    }

    private static AnnotationConfigApplicationContext gateway;

    @BeforeAll
    static void start() {
        gateway = dubboContext(Gateway.class);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void everyCallHasItsOwnTimeout() {
        Map<String, Integer> expected = new TreeMap<>();
        for (Class<?> service : PROVIDED) {
            for (Method method : service.getMethods()) {
                String call = service.getSimpleName() + "." + method.getName();
                expected.put(call, LONGER_CALLS.getOrDefault(call, READ_MS));
            }
        }
        Map<String, Integer> actual = new TreeMap<>();
        for (ReferenceConfig<?> reference : references(gateway)) {
            URL consumer = reference.getInvoker().getUrl();
            for (Method method : reference.getInterfaceClass().getMethods()) {
                actual.put(reference.getInterfaceClass().getSimpleName() + "." + method.getName(),
                        timeoutOfCall(consumer, method.getName()));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theGatewayReferencesEachProviderOnceForItsUsersToInjectByType() {
        assertThat(references(gateway)).extracting(ReferenceConfig::getInterfaceClass)
                .containsExactlyInAnyOrderElementsOf(PROVIDED);
        for (Class<?> service : PROVIDED) {
            assertThat(gateway.getBean(service)).isInstanceOf(service);
        }
    }

    @Test
    void noOtherClassOfTheGatewayDeclaresAReference() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider everyClass = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        everyClass.addIncludeFilter((reader, readers) -> true);
        List<String> declarations = new ArrayList<>();
        for (BeanDefinition definition : everyClass.findCandidateComponents("com.douyin.gateway")) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            if (type == ProviderReferences.class || !isGatewayClass(type)) {
                continue; // the tests' own references are theirs
            }
            Stream.of(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())
                    .flatMap(Arrays::stream)
                    .filter(member -> declaresReference((AnnotatedElement) member))
                    .forEach(member -> declarations.add(type.getName() + ": " + member));
        }
        assertThat(declarations).as("references declared outside ProviderReferences").isEmpty();
    }

    /** Why ProviderReferences builds its references instead of annotating its @Bean methods. */
    @Test
    void dubboDropsTheMethodsOfAReferenceAnnotatedOnABeanMethod() {
        try (AnnotationConfigApplicationContext annotated = dubboContext(AnnotatedBeanMethod.class)) {
            ReferenceConfig<?> relations = references(annotated).get(0);
            assertThat(relations.getMethods())
                    .as("if Dubbo now keeps them, ProviderReferences may declare its references as annotations")
                    .isNull();
            assertThat(timeoutOfCall(relations.getInvoker().getUrl(), "follow")).isEqualTo(CONSUMER_DEFAULT_MS);
        }
    }

    @Configuration
    @EnableDubbo
    static class AnnotatedBeanMethod {
        @Bean
        @DubboReference(providedBy = "douyin-relation",
                methods = @org.apache.dubbo.config.annotation.Method(name = "follow", timeout = 6_000))
        ReferenceBean<RelationService> relationService() {
            return new ReferenceBean<>();
        }
    }

    /**
     * A context with Dubbo and these references, with no registry: the references are referred in
     * the JVM instead (to no provider), which gives them the consumer URL a registry would have.
     */
    private static AnnotationConfigApplicationContext dubboContext(Class<?> configuration) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dubbo", Map.of(
                "dubbo.application.name", "douyin-gateway",
                "dubbo.application.qos-enable", "false",
                "dubbo.registry.address", "N/A",
                "dubbo.consumer.scope", "local",
                "dubbo.consumer.check", "false",
                "dubbo.consumer.timeout", String.valueOf(CONSUMER_DEFAULT_MS))));
        context.register(configuration);
        context.refresh();
        return context;
    }

    private static List<ReferenceConfig<?>> references(AnnotationConfigApplicationContext context) {
        List<ReferenceConfig<?>> references = new ArrayList<>();
        for (ReferenceBean<?> reference : context.getBeansOfType(ReferenceBean.class).values()) {
            references.add(reference.getReferenceConfig());
        }
        return references;
    }

    /**
     * The timeout DubboInvoker gives a call of {@code method} to a provider found through
     * application-level discovery (the gateway's): its address holds what the provider publishes
     * (here {@link #PROVIDER_DEFAULT_MS}, and {@link #PROVIDER_METHOD_MS} for each method), the call
     * context the consumer's URL.
     */
    private static int timeoutOfCall(URL consumer, String method) {
        Map<String, String> published = new HashMap<>();
        published.put(CommonConstants.INTERFACE_KEY, consumer.getServiceInterface());
        published.put(CommonConstants.METHODS_KEY, consumer.getParameter(CommonConstants.METHODS_KEY));
        published.put(CommonConstants.SIDE_KEY, CommonConstants.PROVIDER_SIDE);
        published.put(CommonConstants.TIMEOUT_KEY, String.valueOf(PROVIDER_DEFAULT_MS));
        for (String each : consumer.getParameter(CommonConstants.METHODS_KEY).split(",")) {
            published.put(each + "." + CommonConstants.TIMEOUT_KEY, String.valueOf(PROVIDER_METHOD_MS));
        }
        ApplicationModel application = consumer.getOrDefaultApplicationModel();
        URL provider = new ServiceConfigURL("dubbo", "127.0.0.1", 20880, consumer.getServiceInterface(), published)
                .setScopeModel(application);
        MetadataInfo metadata = new MetadataInfo("provider");
        metadata.addService(provider);
        metadata.init(); // as a consumer does with the metadata it receives
        URL address = new InstanceAddressURL(
                new DefaultServiceInstance("provider", "127.0.0.1", 20880, application), metadata);
        RpcContext.getServiceContext().setConsumerUrl(consumer);
        try {
            RpcInvocation call = new RpcInvocation(method, consumer.getServiceInterface(), "", new Class<?>[0], new Object[0]);
            return RpcUtils.calculateTimeout(address, call, method, CommonConstants.DEFAULT_TIMEOUT);
        } finally {
            RpcContext.removeServiceContext();
        }
    }

    private static boolean isGatewayClass(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation()
                .equals(ProviderReferences.class.getProtectionDomain().getCodeSource().getLocation());
    }

    private static boolean declaresReference(AnnotatedElement member) {
        if (member.isAnnotationPresent(DubboReference.class)
                || member instanceof Method method && ReferenceBean.class.isAssignableFrom(method.getReturnType())) {
            return true;
        }
        return member instanceof Executable executable && Arrays.stream(executable.getParameters())
                .anyMatch(parameter -> parameter.isAnnotationPresent(DubboReference.class));
    }
}
