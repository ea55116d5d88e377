package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
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

    private static MockHttpServletRequest with(String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter(name, value);
        return request;
    }

    @Test
    void aListPagedByCursorStartsAtTheNewestWithAHundredByDefault() {
        MockHttpServletRequest none = new MockHttpServletRequest();
        assertThat(RequestParams.cursor(none)).isNull();
        assertThat(RequestParams.cursor(with("cursor", ""))).isNull();
        assertThat(RequestParams.pageCount(none)).isEqualTo(CursorPage.MAX_COUNT).isEqualTo(100);
        assertThat(RequestParams.cursor(with("cursor", "1780000000123-4567"))).isEqualTo(new PageCursor(1_780_000_000_123L, 4567));
        assertThat(RequestParams.pageCount(with("count", "20"))).isEqualTo(20);
        assertThat(RequestParams.pageCount(with("count", "1e2"))).isEqualTo(100);
    }

    @Test
    void aBadCursorOrCountIsABadRequestThatSaysWhatToSend() {
        for (String count : new String[] {"0", "-1", "101", "abc", "99999999999999999999", "2.5"}) {
            assertThatThrownBy(() -> RequestParams.pageCount(with("count", count))).as(count)
                    .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST))
                    .hasMessageContaining("count");
        }
        for (String cursor : new String[] {"abc", "-1-2", "12", "1-2-3", "99999999999999999999-1"}) {
            assertThatThrownBy(() -> RequestParams.cursor(with("cursor", cursor))).as(cursor)
                    .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_REQUEST))
                    .hasMessageContaining("next_cursor");
        }
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
