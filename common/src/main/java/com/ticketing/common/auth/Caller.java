package com.ticketing.common.auth;

import java.util.Set;

/**
 * Who is calling: the user id and roles the gateway took from the verified access token. A controller parameter
 * of this type annotated {@link CurrentUser} is resolved from {@link AuthHeaders#USER_ID} and
 * {@link AuthHeaders#ROLES}.
 */
public record Caller(long userId, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(AuthHeaders.ROLE_ADMIN);
    }

    /** True when the caller is {@code userId} or an admin. */
    public boolean mayRead(long ownerId) {
        return ownerId == userId || isAdmin();
    }
}
