package com.ticketing.user.account;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a new password must be: 10 to 128 characters, at most 72 bytes in UTF-8 (bcrypt, the default hash, reads
 * only 72 bytes, and Spring Security refuses to hash longer passwords rather than silently cut them), and not
 * the username.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    /** Why {@code password} is not acceptable for {@code username} (canonical), or empty when it is. */
    public static Optional<String> problem(String password, String username) {
        if (password == null) {
            return Optional.of("password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters and at most "
                    + MAX_BYTES + " bytes in UTF-8");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("password must not be the username");
        }
        return Optional.empty();
    }
}
