package com.ticketing.user.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a username and a password may be, without Spring or a database. */
class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "user1", "jane.doe", "j_d-9", "0123456789abcdef0123456789abcdef",
            "jane@example.com", "jane.doe+tickets@mail.example.co.kr", "a_b%c-d@x-y.example", "x@ab.cd"})
    void shouldAcceptLoginNamesAndEmailAddresses(String username) {
        assertThat(Usernames.canonical(username)).contains(username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"User1", "JANE.Doe@Example.COM"})
    void shouldLowerCaseAUsername(String username) {
        assertThat(Usernames.canonical(username)).contains(username.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "-abc", ".abc", "_abc", "a b", "abc!", "user1 ", " user1", "abc/def",
            "0123456789abcdef0123456789abcdef0", "üser1", "user\u0130", "a@b", "a@@b.test", "a@b@c.test",
            "@example.com", "a..b@x.test", ".a@x.test", "a.@x.test", "a@-x.test", "a@x-.test", "a@x..test",
            "a@x.t", "a@x.t1", "a@x", "a b@x.test", "a@x_y.test"})
    void shouldRefuseAnythingElse(String username) {
        assertThat(Usernames.canonical(username)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldBoundTheLengthOfAnEmailAddressAndOfItsLocalPart() {
        String domain = "@" + "d".repeat(61) + "." + "e".repeat(61) + "." + "f".repeat(60) + ".test";
        String longest = "l".repeat(254 - domain.length()) + domain;
        assertThat(longest.indexOf('@')).isEqualTo(64);
        assertThat(longest).hasSize(254);
        assertThat(Usernames.canonical(longest)).isPresent();
        assertThat(Usernames.canonical(longest + "x")).isEmpty();
        assertThat(Usernames.canonical("l".repeat(64) + "@x.test")).isPresent();
        assertThat(Usernames.canonical("l".repeat(65) + "@x.test")).isEmpty();
        assertThat(Usernames.canonical(null)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldAcceptPasswordsOfTenTo128CharactersWithinBcrypts72Bytes() {
        assertThat(Passwords.problem("0123456789", "jane")).isEmpty();
        assertThat(Passwords.problem("p".repeat(72), "jane")).isEmpty();
        assertThat(Passwords.problem("한국어비밀번호입니다", "jane")).as("10 characters, 30 bytes").isEmpty();

        assertThat(Passwords.problem("012345678", "jane")).isPresent();
        assertThat(Passwords.problem("p".repeat(73), "jane")).as("more than bcrypt reads").isPresent();
        assertThat(Passwords.problem("é".repeat(37), "jane")).as("37 characters, 74 bytes").isPresent();
        assertThat(Passwords.problem("p".repeat(129), "jane")).isPresent();
        assertThat(Passwords.problem("jane.doe.1", "jane.doe.1")).as("the username").isPresent();
        assertThat(Passwords.problem("JANE.DOE.1", "jane.doe.1")).as("the username in capitals").isPresent();
        assertThat(Passwords.problem(null, "jane")).isPresent();
    }
}
