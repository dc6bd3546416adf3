package com.ticketing.user.account;

import com.ticketing.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin account made at start from ticketing.auth.admin.* (the local profile's dev password here). */
class AdminAccountTest extends UserServiceIntegrationTest {

    @Autowired
    AdminAccount admin;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void shouldHaveCreatedTheAdminAccountWithItsBalanceFromConfiguration() {
        Map<String, Object> account = adminRow();

        assertThat(account).containsEntry("roles", "USER,ADMIN");
        assertThat(passwords.matches(ADMIN_PASSWORD, (String) account.get("password_hash"))).isTrue();
        assertThat(((Number) account.get("user_id")).longValue()).isGreaterThanOrEqualTo(1_000_001L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE user_id = ?", Long.class, account.get("user_id"))).isEqualTo(1);
    }

    @Test
    void shouldKeepTheAdminAndRehashItsPasswordWhenTheConfigurationChanges() {
        Map<String, Object> before = adminRow();
        try {
            Account again = admin.ensure(ADMIN, ADMIN_PASSWORD);
            assertThat(adminRow()).as("unchanged password: not re-hashed").isEqualTo(before);

            Account changed = admin.ensure("Admin", "another-admin-password");

            assertThat(again.userId()).isEqualTo(changed.userId()).isEqualTo(((Number) before.get("user_id")).longValue());
            String hash = (String) adminRow().get("password_hash");
            assertThat(passwords.matches("another-admin-password", hash)).isTrue();
            assertThat(passwords.matches(ADMIN_PASSWORD, hash)).isFalse();
        } finally {
            admin.ensure(ADMIN, ADMIN_PASSWORD);
        }
    }

    @Test
    void shouldRefuseToMakeAnAccountWithoutTheAdminRoleTheAdmin() {
        String username = uniqueName();
        long userId = signUp(username, "ordinary-user-password");

        assertThatThrownBy(() -> admin.ensure(username, "admin-takeover-password"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without the ADMIN role");
        assertThat(jdbc.queryForObject("SELECT roles FROM accounts WHERE user_id = ?", String.class, userId)).isEqualTo("USER");
    }

    @Test
    void shouldRefuseAnAdminPasswordOrUsernameThatBreaksTheRules() {
        assertThatThrownBy(() -> admin.ensure(ADMIN, "short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADMIN_PASSWORD");
        assertThatThrownBy(() -> admin.ensure("no spaces allowed", ADMIN_PASSWORD)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADMIN_USERNAME");
    }

    private Map<String, Object> adminRow() {
        return jdbc.queryForMap("SELECT user_id, password_hash, roles FROM accounts WHERE username = ?", ADMIN);
    }
}
