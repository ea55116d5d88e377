package com.douyin.api.user;

import java.util.List;

/** Accounts and profiles; owned by douyin-provider-user. */
public interface UserService {

    /** Creates an account; fails with USERNAME_TAKEN, USERNAME_INVALID or PASSWORD_INVALID. */
    AuthDTO register(String username, String password);

    /** Checks the password; fails with LOGIN_FAILED, or LOGIN_THROTTLED after repeated failures. */
    AuthDTO login(String username, String password);

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
