package com.ticketing.user.account;

import com.ticketing.user.account.persistence.AccountStore;
import com.ticketing.user.balance.OpeningBalance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.Set;

/**
 * Reads accounts and creates them. An account is created together with its balance row (balance 0) in one
 * transaction: there is never an account without a balance or the other way round. Hashing happens before, so
 * the transaction holds its locks for milliseconds, not for a bcrypt round.
 */
@Component
public class AccountRegistry {

    private final AccountStore store;
    private final OpeningBalance balances;
    private final TransactionTemplate tx;

    AccountRegistry(AccountStore store, OpeningBalance balances, PlatformTransactionManager txManager) {
        this.store = store;
        this.balances = balances;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The account of {@code username}, which must already be canonical ({@link Usernames#canonical}). */
    public Optional<AccountCredentials> credentialsOf(String username) {
        return store.findByUsername(username).map(AccountRegistry::credentials);
    }

    public Optional<Account> byId(long userId) {
        return store.findById(userId).map(row -> credentials(row).account());
    }

    /**
     * Creates the account and its balance.
     *
     * @throws UsernameTakenException when the username exists (also when a concurrent sign-up of it committed
     *                                first: the unique key decides); nothing was created then
     */
    Account create(String username, String passwordHash, Set<Role> roles) {
        long userId = tx.execute(status -> {
            long id;
            try {
                id = store.insert(username, passwordHash, Role.column(roles));
            } catch (DuplicateKeyException taken) {
                throw new UsernameTakenException();
            }
            balances.open(id);
            return id;
        });
        return new Account(userId, username, roles);
    }

    /** The username of a new account exists already. */
    static final class UsernameTakenException extends RuntimeException {

        UsernameTakenException() {
            super("username taken", null, false, false);
        }
    }

    void changePasswordHash(long userId, String passwordHash) {
        store.updatePasswordHash(userId, passwordHash);
    }

    private static AccountCredentials credentials(AccountStore.Row row) {
        return new AccountCredentials(new Account(row.userId(), row.username(), Role.fromColumn(row.roles())),
                row.passwordHash());
    }
}
