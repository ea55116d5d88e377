package com.douyin.api.common;

/**
 * Every failure the API can answer with. The code is the client's {@code status_code};
 * the message is the default {@code status_msg} (a failure may carry a more specific one).
 * Ranges: 1xxxx request, 2xxxx user, 3xxxx video, 4xxxx social, 5xxxx server.
 */
public enum ErrorCode {
    BAD_REQUEST(10001, "The request is missing a parameter or has an invalid one."),
    NOT_FOUND(10004, "There is no such route."),
    LOGIN_REQUIRED(10101, "Please log in first."),
    TOKEN_INVALID(10102, "Your login is not valid, please log in again."),
    TOKEN_EXPIRED(10103, "Your login has expired, please log in again."),
    SESSION_ENDED(10104, "Your session has ended (signed out elsewhere or a password change), please log in again."),
    REFRESH_TOKEN_INVALID(10105, "This refresh token is not valid (expired, revoked or already used), please log in again."),
    TOO_MANY_REQUESTS(10429, "Too many requests, please slow down."),
    UPLOAD_TOO_LARGE(10413, "The upload is too large."),

    USERNAME_INVALID(20001, "The username must be 1 to 32 characters."),
    PASSWORD_INVALID(20002, "The password must be 6 to 32 characters."),
    USERNAME_TAKEN(20003, "This username is already taken."),
    LOGIN_FAILED(20004, "Wrong username or password."),
    LOGIN_THROTTLED(20005, "Too many failed logins for this username, please wait a few minutes."),
    USER_NOT_FOUND(20006, "This user does not exist."),
    PASSWORD_WRONG(20007, "The current password is wrong."),
    SIGNATURE_INVALID(20008, "The signature must be at most 200 characters."),
    IMAGE_INVALID(20009, "The image must be a JPEG, PNG or WebP file."),
    NOTHING_TO_UPDATE(20010, "Give at least one of name, signature, avatar, background_image or new_password."),

    TITLE_INVALID(30001, "The title must be 1 to 100 characters."),
    NOT_A_VIDEO(30002, "The file is not a video: upload an MP4, MOV or WebM file."),
    VIDEO_MISSING(30003, "Choose a video file to upload."),
    KEYWORD_INVALID(30004, "The search keyword must be 1 to 100 characters."),
    VIDEO_NOT_FOUND(30005, "This video does not exist."),
    ACTION_TYPE_INVALID(10002, "action_type must be 1 or 2."),
    COMMENT_INVALID(30006, "A comment must be 1 to 500 characters."),
    COMMENT_NOT_FOUND(30007, "This comment does not exist."),
    COMMENT_FORBIDDEN(30008, "Only the comment's author or the video's author can delete it."),
    TOPIC_UNKNOWN(30009, "There is no such topic."),
    REPLY_TARGET_INVALID(30010, "The comment you reply to does not exist or was deleted."),
    // 301xx: direct uploads (GET /douyin/upload/token/, then publish with object_key).
    UPLOAD_URL_INVALID(30101, "This upload URL is not valid: ask for a new one."),
    UPLOAD_URL_EXPIRED(30102, "This upload URL has expired: ask for a new one."),
    UPLOAD_URL_USED(30103, "Something was uploaded with this URL already: ask for a new one to upload again."),
    UPLOAD_NOT_FOUND(30104, "Nothing was uploaded under this object_key: upload the video first."),
    UPLOAD_OF_ANOTHER_USER(30105, "This object_key was issued to another user."),

    FOLLOW_SELF(40001, "You cannot follow yourself."),
    MESSAGE_INVALID(40002, "A message must be 1 to 1000 characters."),
    MESSAGE_TO_SELF(40003, "You cannot send a message to yourself."),

    SERVICE_UNAVAILABLE(50001, "The service is busy, please try again shortly."),
    INTERNAL_ERROR(50000, "Something went wrong on our side, please try again.");

    private final int code;
    private final String message;

    ErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
