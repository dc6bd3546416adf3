package com.ticketing.user.account;

import com.ticketing.common.auth.AuthHeaders;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an account may do. Every account is a {@link #USER}; operators are also {@link #ADMIN}. */
public enum Role {

    USER(AuthHeaders.ROLE_USER),
    ADMIN(AuthHeaders.ROLE_ADMIN);

    private static final String AUTHORITY_PREFIX = "ROLE_";

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The name in the access token's {@code roles} claim and in {@code X-User-Roles}, e.g. {@code ADMIN}. */
    public String claim() {
        return claim;
    }

    /** Spring Security's authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return AUTHORITY_PREFIX + claim;
    }

    /** The {@code accounts.roles} column: {@code USER} or {@code USER,ADMIN}. */
    static String column(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::claim).collect(Collectors.joining(","));
    }

    static Set<Role> fromColumn(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(column.split(",")).map(String::trim).forEach(name -> roles.add(fromClaim(name)));
        return roles;
    }

    private static Role fromClaim(String name) {
        for (Role role : values()) {
            if (role.claim.equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role " + name);
    }
}
