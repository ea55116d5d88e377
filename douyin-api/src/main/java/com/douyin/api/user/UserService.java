package com.douyin.api.user;

import java.util.List;

/** Accounts and profiles; owned by douyin-provider-user. */
public interface UserService {

    /** Creates an account; fails with USERNAME_TAKEN, USERNAME_INVALID or PASSWORD_INVALID. */
    AuthDTO register(String username, String password);

    /** Checks the password; fails with LOGIN_FAILED, or LOGIN_THROTTLED after repeated failures. */
    AuthDTO login(String username, String password);

    /**
     * Exchanges a refresh token for a new access token and the next refresh token; the one given
     * is used up. A refresh token used a second time revokes its whole session. Fails with
     * REFRESH_TOKEN_INVALID.
     */
    AuthDTO refresh(String refreshToken);

    /**
     * Changes the password once {@code currentPassword} is right (PASSWORD_WRONG otherwise) and
     * signs out the user's other sessions; {@code sessionId} is the caller's, which stays.
     */
    void changePassword(long userId, String sessionId, String currentPassword, String newPassword);

    /** Ends the session {@code sessionId} of the user: its refresh token stops working, its access tokens at once. */
    void logout(long userId, String sessionId);

    /**
     * Edits the profile: name (the register rules, unique: USERNAME_TAKEN), signature (at most
     * 200 characters), avatar and background image; answers the profile as it is now.
     */
    UserDTO updateProfile(long userId, ProfileChange change);

    /** One profile; fails with USER_NOT_FOUND. */
    UserDTO getUser(long userId);

    /** Profiles of a page of users in one call, in the order asked; unknown IDs are left out. */
    List<UserDTO> getUsers(List<Long> userIds);

    /**
     * IDs of the users whose name starts with {@code keyword} (any script: "小" finds "小明";
     * letters in either case), in name order, {@code count} from {@code offset}. The keyword is
     * taken literally ({@code %} and {@code _} are not wildcards); fails with KEYWORD_INVALID.
     */
    List<Long> searchByName(String keyword, int offset, int count);
}
