package com.ticketing.user.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a username may be, in one place for sign-up, login and the admin account. A username is compared and
 * stored lower-case, and is either a login name ({@code [a-z0-9][a-z0-9._-]{2,31}}) or an email address of at
 * most 254 characters with one {@code @}, a dot-separated local part of {@code a-z 0-9 _ % + -} (at most 64)
 * and a domain of at least two labels ending in a letters-only top-level label.
 */
public final class Usernames {

    /** Longest username (an email address can be at most 254 characters). */
    public static final int MAX_LENGTH = 254;

    static final String RULE = "username must be a login name (3 to 32 of a-z 0-9 . _ -, starting with a letter or "
            + "digit) or an email address of at most " + MAX_LENGTH + " characters";

    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern LOGIN_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Pattern EMAIL_LOCAL_PART = Pattern.compile("[a-z0-9_%+-]+(\\.[a-z0-9_%+-]+)*");
    private static final Pattern EMAIL_DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private Usernames() {
    }

    /**
     * The stored form of what a user typed: lower-cased, or empty when it is not a valid username (then it
     * names no account: nothing else ever reaches the store, so {@code "User1 "} cannot stand in for {@code user1}).
     */
    public static Optional<String> canonical(String submitted) {
        if (submitted == null || submitted.isEmpty() || submitted.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String name = submitted.toLowerCase(Locale.ROOT);
        return isLoginName(name) || isEmailAddress(name) ? Optional.of(name) : Optional.empty();
    }

    private static boolean isLoginName(String name) {
        return LOGIN_NAME.matcher(name).matches();
    }

    private static boolean isEmailAddress(String name) {
        int at = name.indexOf('@');
        if (at <= 0 || at != name.lastIndexOf('@') || at > MAX_LOCAL_PART) {
            return false;
        }
        return EMAIL_LOCAL_PART.matcher(name.substring(0, at)).matches()
                && EMAIL_DOMAIN.matcher(name.substring(at + 1)).matches();
    }
}
