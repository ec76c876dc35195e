package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.Balances;
import com.dbay.wallet.domain.Posting;
import com.dbay.wallet.domain.StatementLine;
import com.dbay.wallet.domain.UserId;
import java.util.List;

/** The double-entry ledger: append-only postings and the balances they add up to. */
public interface Ledger {

  /**
   * Appends the posting and updates the balances in the current unit of work, locking accounts in
   * the posting's order. Throws {@link com.dbay.wallet.domain.WalletException.InsufficientFunds} if
   * an account that may not be negative would become negative; then nothing is written.
   */
  long post(Posting posting, String caller);

  Balances balances(UserId user);

  /** The user's entries, newest first, strictly before {@code beforeEntryId} when it is given. */
  List<StatementLine> statement(UserId user, Long beforeEntryId, int limit);

  /** Checks the whole ledger; an empty list of problems means every invariant holds. */
  AuditReport audit();
}
