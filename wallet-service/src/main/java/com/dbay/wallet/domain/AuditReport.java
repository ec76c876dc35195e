package com.dbay.wallet.domain;

import java.util.List;

/**
 * The check of the whole ledger: no problems and all entries summing to zero mean every invariant
 * holds.
 */
public record AuditReport(
    long accounts, long postings, long entries, long sumOfAllEntries, List<String> problems) {
  public boolean ok() {
    return problems.isEmpty() && sumOfAllEntries == 0;
  }
}
