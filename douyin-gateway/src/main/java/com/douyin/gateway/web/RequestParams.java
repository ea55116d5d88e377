package com.douyin.gateway.web;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import com.douyin.api.common.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;

/**
 * Reads the client's parameters the way the contract says: from the query string or the form
 * body, the FIRST value when a name arrives twice (never a comma-joined merge), and IDs also in
 * the exponent form some clients write ({@code 1.234567e+06}) when that is an exact integer.
 */
public final class RequestParams {

    private RequestParams() {
    }

    public static String optional(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    public static String required(HttpServletRequest request, String name) {
        String value = optional(request, name);
        if (value == null) {
            throw new DouyinException(ErrorCode.BAD_REQUEST, "The parameter '" + name + "' is missing.");
        }
        return value;
    }

    public static long requiredId(HttpServletRequest request, String name) {
        return parseInteger(required(request, name), name);
    }

    /** {@code action_type}: 1 (do) or 2 (undo), the same for likes, comments and follows. */
    public static int actionType(HttpServletRequest request) {
        String value = optional(request, "action_type");
        return switch (value == null ? "" : value.strip()) {
            case "1" -> 1;
            case "2" -> 2;
            default -> throw new DouyinException(ErrorCode.ACTION_TYPE_INVALID);
        };
    }

    /** {@code offset} of a paged list: 0 when missing, at most {@link Paging#MAX_OFFSET}. */
    public static int offset(HttpServletRequest request) {
        Long offset = optionalId(request, "offset");
        return offset == null ? 0 : Paging.checkedOffset(offset);
    }

    /** {@code count} of a paged list: {@code fallback} when missing, at most {@code max}. */
    public static int count(HttpServletRequest request, int fallback, int max) {
        Long count = optionalId(request, "count");
        if (count != null && (count < 1 || count > max)) {
            throw new DouyinException(ErrorCode.BAD_REQUEST, "count must be 1 to " + max + ".");
        }
        return count == null ? fallback : count.intValue();
    }

    /** {@code cursor} of a list paged by cursor: null (the first page) when missing or empty. */
    public static PageCursor cursor(HttpServletRequest request) {
        return PageCursor.parse(optional(request, "cursor"));
    }

    /** {@code count} of a list paged by cursor: {@link CursorPage#MAX_COUNT} when missing, 1 to that. */
    public static int pageCount(HttpServletRequest request) {
        return count(request, CursorPage.MAX_COUNT, CursorPage.MAX_COUNT);
    }

    /** The ID, or null when the parameter is missing or empty. */
    public static Long optionalId(HttpServletRequest request, String name) {
        String value = optional(request, name);
        return value == null || value.isBlank() ? null : parseInteger(value, name);
    }

    static long parseInteger(String raw, String name) {
        String value = raw.strip();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notPlain) {
            try {
                // An unencoded '+' of "1.2e+06" arrives as a space.
                return new BigDecimal(value.replace(' ', '+')).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new DouyinException(ErrorCode.BAD_REQUEST,
                        "The parameter '" + name + "' must be a whole number.");
            }
        }
    }
}
