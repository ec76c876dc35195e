package com.dbay.wallet.application.service;

import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.application.port.out.Deposits;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.DepositId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of the deposit-watcher. First every pending deposit is checked against the best chain:
 * if its block was replaced by a reorg it is cancelled and the scan restarts at that height (a
 * transaction mined again in the new chain is then found again and revived). Then new blocks are
 * scanned and every pending deposit's depth observed (credited when deep enough). The watcher keeps
 * no state besides the deposits table and the height it returns; recording is idempotent, so a
 * restart that rescans blocks changes nothing.
 */
public final class DepositWatcher {

  private final ChainClient chain;
  private final DepositService deposits;
  private final Deposits store;

  public DepositWatcher(ChainClient chain, DepositService deposits, Deposits store) {
    this.chain = chain;
    this.deposits = deposits;
    this.store = store;
  }

  /**
   * Scans blocks from {@code fromHeight} (or lower, after a reorg) to the tip; returns the next
   * height to scan from.
   */
  public long pass(long fromHeight) {
    long tip = chain.tipHeight();
    Map<Long, String> best = new HashMap<>();
    long scanFrom = Math.max(0, fromHeight);
    for (Deposit pending : store.pending()) {
      if (!pending.blockHash().equals(bestHash(best, pending.blockHeight(), tip))) {
        deposits.cancelOnReorg(pending.id());
        scanFrom = Math.min(scanFrom, pending.blockHeight());
      }
    }
    for (long height = scanFrom; height <= tip; height++) {
      String hash = bestHash(best, height, tip);
      for (ChainClient.Output output : chain.outputs(height)) {
        deposits.recordDetected(
            new DepositId(output.txid(), output.vout()),
            output.address(),
            output.amount(),
            hash,
            height);
      }
    }
    List<Deposit> stillPending = store.pending();
    for (Deposit pending : stillPending) {
      deposits.observe(pending.id(), (int) (tip - pending.blockHeight() + 1));
    }
    return tip + 1;
  }

  private String bestHash(Map<Long, String> cache, long height, long tip) {
    return height > tip ? null : cache.computeIfAbsent(height, chain::blockHash);
  }
}
