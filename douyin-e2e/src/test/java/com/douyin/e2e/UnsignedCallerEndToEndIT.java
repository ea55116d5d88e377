package com.douyin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.user.UserService;
import com.douyin.common.testing.RandomSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.model.ApplicationModel;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A raw Dubbo client (Dubbo and the interfaces, none of our code) that reaches the user provider's
 * port directly, past the registry and the gateway, is refused unless it signs the call as our
 * services do (CallerKey: HMAC-SHA256 of service#method#millis with this installation's
 * douyin.rpc.caller-secret); signed with that key, the same client is served.
 */
@ExtendWith(DouyinSystem.class)
class UnsignedCallerEndToEndIT {

    private static final String SERVICE = UserService.class.getName();
    private static FrameworkModel framework;
    private static UserService users;

    @BeforeAll
    static void rawClient() {
        framework = new FrameworkModel();
        ApplicationModel application = framework.newApplication();
        application.getApplicationConfigManager().setApplication(new ApplicationConfig("raw-client"));
        ReferenceConfig<UserService> reference = new ReferenceConfig<>(application.newModule());
        reference.setInterface(UserService.class);
        reference.setUrl("dubbo://127.0.0.1:20881");
        reference.setCheck(false);
        reference.setTimeout(5_000);
        reference.setRetries(0);
        users = reference.get();
    }

    @AfterAll
    static void close() {
        framework.destroy();
    }

    @Test
    void anUnsignedCallIsRefused() {
        assertThatThrownBy(() -> users.searchByName("anyone", 0, 10))
                .isInstanceOf(RpcException.class).hasMessageContaining("call refused");
    }

    @Test
    void aCallSignedWithAnotherKeyIsRefused() {
        sign("searchByName", RandomSecret.next(), System.currentTimeMillis());
        assertThatThrownBy(() -> users.searchByName("anyone", 0, 10))
                .isInstanceOf(RpcException.class).hasMessageContaining("call refused");
    }

    @Test
    void aSignatureFromTenMinutesAgoIsRefused() throws Exception {
        sign("searchByName", installationSecret(), System.currentTimeMillis() - 600_000);
        assertThatThrownBy(() -> users.searchByName("anyone", 0, 10))
                .isInstanceOf(RpcException.class).hasMessageContaining("call refused");
    }

    @Test
    void aCallSignedWithTheInstallationsKeyIsServed() throws Exception {
        sign("searchByName", installationSecret(), System.currentTimeMillis());
        assertThat(users.searchByName("no-such-name-" + System.nanoTime(), 0, 10)).isEmpty();
    }

    /** Attachments for this thread's next call, as our CallerSigningFilter writes them. */
    private static void sign(String method, String secret, long millis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((SERVICE + '#' + method + '#' + millis).getBytes(StandardCharsets.UTF_8));
            RpcContext.getClientAttachment().setAttachment("douyin-caller-time", Long.toString(millis));
            RpcContext.getClientAttachment().setAttachment("douyin-caller-signature",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** douyin.rpc.caller-secret of this installation, as the launcher generated it. */
    private static String installationSecret() throws Exception {
        String secrets = Files.readString(DouyinSystem.REPO.resolve(".run/secrets/douyin-secrets.yaml"));
        Matcher m = Pattern.compile("caller-secret: *(\\S+)").matcher(secrets);
        assertThat(m.find()).as("caller-secret in .run/secrets/douyin-secrets.yaml").isTrue();
        return m.group(1);
    }
}
