package com.douyin.user.rpc;

import com.douyin.api.user.AuthDTO;
import com.douyin.api.user.ProfileChange;
import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import com.douyin.user.service.UserAccountService;
import com.douyin.user.service.ProfileService;
import com.douyin.user.service.UserQueryService;
import com.douyin.user.service.UserSearchService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of the user provider; the logic is in the services. */
@DubboService
public class UserServiceRpc implements UserService {

    private final UserAccountService accounts;
    private final UserQueryService queries;
    private final UserSearchService search;
    private final ProfileService profiles;

    public UserServiceRpc(UserAccountService accounts, UserQueryService queries, UserSearchService search, ProfileService profiles) {
        this.accounts = accounts;
        this.queries = queries;
        this.search = search;
        this.profiles = profiles;
    }

    @Override
    public AuthDTO register(String username, String password) {
        return accounts.register(username, password);
    }

    @Override
    public AuthDTO login(String username, String password) {
        return accounts.login(username, password);
    }

    @Override
    public AuthDTO refresh(String refreshToken) {
        return accounts.refresh(refreshToken);
    }

    @Override
    public void changePassword(long userId, String sessionId, String currentPassword, String newPassword) {
        accounts.changePassword(userId, sessionId, currentPassword, newPassword);
    }

    @Override
    public void logout(long userId, String sessionId) {
        accounts.logout(userId, sessionId);
    }

    @Override
    public UserDTO updateProfile(long userId, ProfileChange change) {
        return profiles.update(userId, change);
    }

    @Override
    public UserDTO getUser(long userId) {
        return queries.getUser(userId);
    }

    @Override
    public List<UserDTO> getUsers(List<Long> userIds) {
        return queries.getUsers(userIds);
    }

    @Override
    public List<Long> searchByName(String keyword, int offset, int count) {
        return search.searchByName(keyword, offset, count);
    }
}
