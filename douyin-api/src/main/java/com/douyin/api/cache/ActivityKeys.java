package com.douyin.api.cache;

import java.time.LocalDate;

/**
 * The Redis keys of who used the app on a day: the gateway adds every signed-in viewer to the day's
 * set, and the message provider's daily picks are sent to the users in it.
 */
public final class ActivityKeys {

    /** How long a day's set is kept: the picks of a day read it and the day before. */
    public static final long KEPT_DAYS = 3;

    private ActivityKeys() {
    }

    /** The IDs of the users who made a signed-in request on {@code day} (UTC). */
    public static String activeUsers(LocalDate day) {
        return "activity:users:" + day;
    }
}
