-- Spring Authorization Server's JdbcOAuth2AuthorizationService table (oauth2-authorization-schema.sql of
-- spring-security-oauth2-authorization-server 7.0), adapted to MariaDB:
--  * timestamps are DATETIME(6);
--  * JSON documents (attributes, *_metadata) are TEXT/MEDIUMTEXT; the service reads the column types at start
--    and binds strings to them (BLOB columns would need byte arrays);
--  * token values compare exactly (binary, NO PAD: tokens are case-sensitive; utf8mb4 so that any string a client
--    sends compares without a collation error) and are indexed, so that a code,
--    refresh token or ID token is found by index, not by scanning: codes and refresh tokens are 128 characters
--    (VARCHAR), JWTs are longer (TEXT, indexed on a 255-character prefix that already holds the claims);
--  * expires_at (generated) is when the last of the row's tokens expires; the clean-up job deletes rows by it.
--    A refresh token without an expiry keeps its row forever.
CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000) NULL,
    attributes                    MEDIUMTEXT    NULL,
    state                         VARCHAR(500)  CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    authorization_code_value      VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    authorization_code_issued_at  DATETIME(6)   NULL,
    authorization_code_expires_at DATETIME(6)   NULL,
    authorization_code_metadata   TEXT          NULL,
    access_token_value            TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    access_token_issued_at        DATETIME(6)   NULL,
    access_token_expires_at       DATETIME(6)   NULL,
    access_token_metadata         TEXT          NULL,
    access_token_type             VARCHAR(100)  NULL,
    access_token_scopes           VARCHAR(1000) NULL,
    oidc_id_token_value           TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    oidc_id_token_issued_at       DATETIME(6)   NULL,
    oidc_id_token_expires_at      DATETIME(6)   NULL,
    oidc_id_token_metadata        TEXT          NULL,
    refresh_token_value           VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    refresh_token_issued_at       DATETIME(6)   NULL,
    refresh_token_expires_at      DATETIME(6)   NULL,
    refresh_token_metadata        TEXT          NULL,
    user_code_value               VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    user_code_issued_at           DATETIME(6)   NULL,
    user_code_expires_at          DATETIME(6)   NULL,
    user_code_metadata            TEXT          NULL,
    device_code_value             VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL,
    device_code_issued_at         DATETIME(6)   NULL,
    device_code_expires_at        DATETIME(6)   NULL,
    device_code_metadata          TEXT          NULL,
    expires_at                    DATETIME(6) AS (
        CASE WHEN refresh_token_value IS NOT NULL AND refresh_token_expires_at IS NULL
             THEN TIMESTAMP'9999-12-31 23:59:59'
             ELSE GREATEST(
                 COALESCE(authorization_code_expires_at, TIMESTAMP'1970-01-01 00:00:00'),
                 COALESCE(access_token_expires_at, TIMESTAMP'1970-01-01 00:00:00'),
                 COALESCE(oidc_id_token_expires_at, TIMESTAMP'1970-01-01 00:00:00'),
                 COALESCE(refresh_token_expires_at, TIMESTAMP'1970-01-01 00:00:00'),
                 COALESCE(user_code_expires_at, TIMESTAMP'1970-01-01 00:00:00'),
                 COALESCE(device_code_expires_at, TIMESTAMP'1970-01-01 00:00:00'))
        END) PERSISTENT,
    KEY ix_oauth2_authorization_state (state),
    KEY ix_oauth2_authorization_code (authorization_code_value),
    KEY ix_oauth2_authorization_access_token (access_token_value(255)),
    KEY ix_oauth2_authorization_id_token (oidc_id_token_value(255)),
    KEY ix_oauth2_authorization_refresh_token (refresh_token_value),
    KEY ix_oauth2_authorization_user_code (user_code_value),
    KEY ix_oauth2_authorization_device_code (device_code_value),
    KEY ix_oauth2_authorization_expires_at (expires_at)
) ENGINE = InnoDB;
