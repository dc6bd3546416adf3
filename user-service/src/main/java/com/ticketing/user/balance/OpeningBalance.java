package com.ticketing.user.balance;

import com.ticketing.user.balance.persistence.Accounts;
import org.springframework.stereotype.Service;

/** Opens the balance (0 won) of a new account, inside the caller's transaction that creates the account. */
@Service
public class OpeningBalance {

    private final Accounts accounts;

    public OpeningBalance(Accounts accounts) {
        this.accounts = accounts;
    }

    public void open(long userId) {
        accounts.open(userId);
    }
}
