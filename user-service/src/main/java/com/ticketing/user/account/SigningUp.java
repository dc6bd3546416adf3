package com.ticketing.user.account;

import com.ticketing.user.UserErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A new user creates an account: a valid username (lower-cased) that nobody has, and an acceptable password,
 * stored only as a hash. The account starts with the USER role and a balance of 0.
 */
@Service
public class SigningUp {

    private final AccountRegistry accounts;
    private final PasswordEncoder passwords;
    private final Counter signUps;

    SigningUp(AccountRegistry accounts, PasswordEncoder passwords, MeterRegistry meters) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.signUps = Counter.builder("accounts.sign_ups").description("accounts created by sign-up").register(meters);
    }

    public Account signUp(String submittedUsername, String password) {
        String username = Usernames.canonical(submittedUsername).orElseThrow(() -> UserErrors.invalid(Usernames.RULE));
        Passwords.problem(password, username).ifPresent(problem -> {
            throw UserErrors.invalid(problem);
        });
        String hash = passwords.encode(password);
        try {
            Account account = accounts.create(username, hash, Account.userRoles());
            signUps.increment();
            return account;
        } catch (AccountRegistry.UsernameTakenException taken) {
            throw UserErrors.usernameTaken();
        }
    }
}
