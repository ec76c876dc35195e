package com.dbay.wallet.application.service;

import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.Balances;
import com.dbay.wallet.domain.StatementLine;
import com.dbay.wallet.domain.UserId;
import java.util.List;

/** Read side: balances, statements, and the audit of the whole ledger. */
public final class LedgerQueries {

  public static final int MAX_PAGE = 200;

  private final Ledger ledger;

  public LedgerQueries(Ledger ledger) {
    this.ledger = ledger;
  }

  public Balances balances(UserId user) {
    return ledger.balances(user);
  }

  public List<StatementLine> statement(UserId user, Long beforeEntryId, int limit) {
    return ledger.statement(user, beforeEntryId, Math.max(1, Math.min(limit, MAX_PAGE)));
  }

  public AuditReport audit() {
    return ledger.audit();
  }
}
