package com.ticketing.user.account;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A login account: the user id (also the id of the user's balance), the lower-case username and the roles.
 * The password hash stays in {@link AccountCredentials}, read only to check a login.
 */
public record Account(long userId, String username, Set<Role> roles) {

    public Account {
        if (!roles.contains(Role.USER)) {
            throw new IllegalArgumentException("every account has the USER role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** The roles as the access token carries them, USER first: {@code ["USER"]} or {@code ["USER","ADMIN"]}. */
    public List<String> roleClaims() {
        return roles.stream().map(Role::claim).toList();
    }

    public static Set<Role> userRoles() {
        return EnumSet.of(Role.USER);
    }

    public static Set<Role> adminRoles() {
        return EnumSet.of(Role.USER, Role.ADMIN);
    }
}
