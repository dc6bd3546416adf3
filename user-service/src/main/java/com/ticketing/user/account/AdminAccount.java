package com.ticketing.user.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Makes sure the operators' account exists at start: username {@code ticketing.auth.admin.username}, password
 * {@code ticketing.auth.admin.password} ({@code ADMIN_PASSWORD}, no default outside the local profile), roles
 * USER and ADMIN, with a balance. Idempotent: an existing admin account keeps its id and gets the configured
 * password (re-hashed when it changed). Any replica may run it at the same time as another. A name that belongs
 * to an account without the ADMIN role is never promoted: the service refuses to start instead.
 */
@Component
class AdminAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final AccountRegistry accounts;
    private final PasswordEncoder passwords;
    private final AccountConfiguration.AdminProperties admin;

    AdminAccount(AccountRegistry accounts, PasswordEncoder passwords, AccountConfiguration.AdminProperties admin) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(admin.username(), admin.password());
    }

    /** Creates or updates the admin account; throws {@link IllegalStateException} when it cannot. */
    Account ensure(String configuredUsername, String password) {
        String username = Usernames.canonical(configuredUsername).orElseThrow(() -> new IllegalStateException(
                "ticketing.auth.admin.username (ADMIN_USERNAME) is not a valid username: " + Usernames.RULE));
        Passwords.problem(password, username).ifPresent(problem -> {
            throw new IllegalStateException("ticketing.auth.admin.password (ADMIN_PASSWORD) is not acceptable: " + problem);
        });
        for (int attempt = 1; ; attempt++) {
            Optional<AccountCredentials> existing = accounts.credentialsOf(username);
            if (existing.isPresent()) {
                return update(existing.get(), password);
            }
            try {
                Account created = accounts.create(username, passwords.encode(password), Account.adminRoles());
                log.info("Created the admin account '{}' (user id {})", username, created.userId());
                return created;
            } catch (AccountRegistry.UsernameTakenException concurrent) {
                // another replica created it meanwhile: update that one
                if (attempt == 2) {
                    throw new IllegalStateException("could not create the admin account '" + username + "'");
                }
            }
        }
    }

    private Account update(AccountCredentials existing, String password) {
        Account account = existing.account();
        if (!account.isAdmin()) {
            throw new IllegalStateException("the account '" + account.username() + "' (ticketing.auth.admin.username) "
                    + "exists without the ADMIN role; refusing to make it the admin: choose another admin username");
        }
        if (!passwords.matches(password, existing.passwordHash()) || passwords.upgradeEncoding(existing.passwordHash())) {
            accounts.changePasswordHash(account.userId(), passwords.encode(password));
            log.info("Updated the password of the admin account '{}'", account.username());
        }
        return account;
    }
}
