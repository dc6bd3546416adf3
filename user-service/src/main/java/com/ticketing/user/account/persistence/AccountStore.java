package com.ticketing.user.account.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The {@code accounts} table. Usernames arrive here already lower-cased and validated; the unique key on
 * {@code username} decides a race between two sign-ups of one name (the loser gets a {@code DuplicateKeyException}).
 */
@Repository
public class AccountStore {

    private static final String COLUMNS = "user_id, username, password_hash, roles";

    private final JdbcClient jdbc;

    public AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of {@code accounts}, roles as stored ({@code USER} or {@code USER,ADMIN}). */
    public record Row(long userId, String username, String passwordHash, String roles) {
    }

    public Optional<Row> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE username = ?")
                .param(username)
                .query(Row.class)
                .optional();
    }

    public Optional<Row> findById(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE user_id = ?")
                .param(userId)
                .query(Row.class)
                .optional();
    }

    /** Inserts an account and returns its new user id (AUTO_INCREMENT, from 1,000,001 up). */
    public long insert(String username, String passwordHash, String roles) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO accounts (username, password_hash, roles) VALUES (?, ?, ?)")
                .params(username, passwordHash, roles)
                .update(key, "user_id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void updatePasswordHash(long userId, String passwordHash) {
        jdbc.sql("UPDATE accounts SET password_hash = ? WHERE user_id = ?")
                .params(passwordHash, userId)
                .update();
    }
}
