-- Login accounts. user_id is the same id as users.user_id (the balance row); a sign-up creates both rows in one
-- transaction, so there is no foreign key either way (test fixtures create balance rows without an account).
--  * username: a login name or an email address, stored lower-case (the application validates and lower-cases
--    it; the binary NO PAD collation compares exactly, 'user1 ' is not 'user1'; the CHECK keeps capitals out);
--  * password_hash: a DelegatingPasswordEncoder hash, e.g. {bcrypt}$2a$10$...; never the password;
--  * roles: 'USER' or 'USER,ADMIN' (the access token's roles claim).
-- New sign-ups get ids from 1,000,001 up (AUTO_INCREMENT below): never a demo (1..100,000) or benchmark id.
CREATE TABLE accounts (
    user_id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(64)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_accounts_username UNIQUE (username),
    CONSTRAINT ck_accounts_username_lower_case CHECK (username = LOWER(username)),
    CONSTRAINT ck_accounts_roles CHECK (roles IN ('USER', 'USER,ADMIN'))
) ENGINE = InnoDB AUTO_INCREMENT = 1000001;

-- Demo accounts for the demo users 1..100,000 (V1): username user<N>, the documented dev password
-- `ticketing-demo`. They share ONE precomputed bcrypt hash of cost 4 (BCryptPasswordEncoder(4)), cheap on
-- purpose so that a load test can log thousands of users in quickly. Explicit ids below the AUTO_INCREMENT
-- start leave it at 1,000,001.
INSERT INTO accounts (user_id, username, password_hash, roles)
SELECT seq, CONCAT('user', seq), '{bcrypt}$2a$04$SG2ITg6v/p8Jxx7nOlZCxeKarXqKEcGvLDgTU5IJ9VRhzsrNoZtkS', 'USER'
FROM seq_1_to_100000;
