package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestParamsTest {

    @Test
    void idsInExponentFormAreReadWhenExact() {
        assertThat(RequestParams.parseInteger("1.234567e+06", "user_id")).isEqualTo(1_234_567L);
        assertThat(RequestParams.parseInteger("1.234567E6", "user_id")).isEqualTo(1_234_567L);
        assertThat(RequestParams.parseInteger("1.234567e 06", "user_id")).isEqualTo(1_234_567L);
        assertThat(RequestParams.parseInteger(" 42 ", "user_id")).isEqualTo(42L);
    }

    @Test
    void inexactOrNonNumericIdsAreRefusedNamingTheParameter() {
        for (String bad : new String[] {"1.5", "1.2345678e+03", "abc", "", "9e99"}) {
            assertThatThrownBy(() -> RequestParams.parseInteger(bad, "video_id"))
                    .isInstanceOf(DouyinException.class).hasMessageContaining("video_id");
        }
    }

    @Test
    void theFirstOfTwoValuesWinsAndNothingIsJoined() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter("user_id", "7", "8");
        assertThat(RequestParams.optional(request, "user_id")).isEqualTo("7");
        assertThat(RequestParams.requiredId(request, "user_id")).isEqualTo(7L);
    }

    @Test
    void missingRequiredParameterIsAClearError() {
        assertThatThrownBy(() -> RequestParams.required(new MockHttpServletRequest(), "token"))
                .isInstanceOf(DouyinException.class).hasMessageContaining("'token' is missing");
        assertThat(RequestParams.optionalId(new MockHttpServletRequest(), "user_id")).isNull();
    }

    @Test
    void anOffsetIsCappedSoNoPageScansWithoutBound() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(RequestParams.offset(request)).isZero();
        request.setParameter("offset", "10000");
        assertThat(RequestParams.offset(request)).isEqualTo(10_000);
        for (String tooFar : new String[] {"10001", "2147483648", "-1"}) {
            request.setParameter("offset", tooFar);
            assertThatThrownBy(() -> RequestParams.offset(request))
                    .isInstanceOf(DouyinException.class).hasMessage("offset must be 0 to 10000.")
                    .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.BAD_REQUEST));
        }
    }
}
