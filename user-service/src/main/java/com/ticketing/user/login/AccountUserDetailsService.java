package com.ticketing.user.login;

import com.ticketing.user.account.Account;
import com.ticketing.user.account.AccountCredentials;
import com.ticketing.user.account.AccountRegistry;
import com.ticketing.user.account.Role;
import com.ticketing.user.account.Usernames;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks a login up by username, case-insensitively. The {@link UserDetails} it returns is named by the USER ID
 * ({@code "4242"}), not the username: the principal name, and with it the access token's {@code sub} and the
 * persisted authorization's principal, is the user id everywhere. A username that is not valid names no account
 * (Spring's DaoAuthenticationProvider then still spends a hash, so it answers like a wrong password, in
 * similar time).
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRegistry accounts;

    AccountUserDetailsService(AccountRegistry accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountCredentials credentials = Usernames.canonical(username)
                .flatMap(accounts::credentialsOf)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        Account account = credentials.account();
        return User.withUsername(Long.toString(account.userId()))
                .password(credentials.passwordHash())
                .authorities(account.roles().stream().map(Role::authority).toArray(String[]::new))
                .build();
    }
}
