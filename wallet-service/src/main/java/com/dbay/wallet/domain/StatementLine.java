package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * One entry of a user's statement: what moved, on which of their accounts, and the balance after
 * it.
 */
public record StatementLine(
    long entryId,
    long postingId,
    PostingType type,
    String reference,
    AccountKind account,
    Doge amount,
    Doge balanceAfter,
    Instant at) {}
