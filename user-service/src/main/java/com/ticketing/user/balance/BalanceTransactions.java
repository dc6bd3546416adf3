package com.ticketing.user.balance;

import com.ticketing.user.UserErrors;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs one balance change (conditional update + ledger row) as one transaction. A deadlock or lock-wait
 * timeout rolls the whole transaction back, so it is safe to run it again; after a few tries the caller
 * gets 503 with nothing changed. Other failures (a duplicate key included) propagate after the rollback.
 */
@Component
class BalanceTransactions {

    private static final int ATTEMPTS = 3;

    private final TransactionTemplate tx;
    private final BalanceMetrics metrics;

    BalanceTransactions(PlatformTransactionManager txManager, BalanceMetrics metrics) {
        this.tx = new TransactionTemplate(txManager);
        this.metrics = metrics;
    }

    <T> T run(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> change.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw UserErrors.busy();
                }
                metrics.lockRetry();
            }
        }
    }
}
