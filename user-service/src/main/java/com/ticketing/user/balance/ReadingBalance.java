package com.ticketing.user.balance;

import com.ticketing.user.UserErrors;
import com.ticketing.user.balance.persistence.Accounts;
import org.springframework.stereotype.Service;

/** Reads a user's current balance. */
@Service
public class ReadingBalance {

    private final Accounts accounts;

    public ReadingBalance(Accounts accounts) {
        this.accounts = accounts;
    }

    public UserBalance balanceOf(long userId) {
        long balance = accounts.balanceOf(userId).orElseThrow(() -> UserErrors.userNotFound(userId));
        return new UserBalance(userId, balance);
    }
}
