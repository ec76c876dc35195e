package com.dbay.wallet.application.service;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.application.port.out.ChainClient.OnChainOutput;
import com.dbay.wallet.application.port.out.Deposits;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.WalletException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What another part (the deposit-watcher function, the DepositConfirmationWorkflow) reports about
 * deposits, believed only as far as the wallet's own node connection confirms it. A report moves
 * money only when the node says the output exists, pays that deposit address exactly that amount,
 * is mined in the reported block, and is at least as deep as reported; anything else is refused
 * (409, logged) and changes nothing. A compromised or buggy watcher can therefore delay deposits
 * (by not reporting them) but never credit coins that are not on chain, nor credit early.
 *
 * <p>The in-process {@link DepositWatcher} reads the same node itself and calls {@link
 * DepositService} directly; only reports from outside the wallet pass through here.
 */
public final class ReportedDeposits {

  private static final Logger log = Logger.getLogger(ReportedDeposits.class.getName());

  private final ChainClient chain;
  private final DepositService deposits;
  private final Deposits store;
  private final boolean verify;

  public ReportedDeposits(ChainClient chain, DepositService deposits, Deposits store) {
    this(chain, deposits, store, true);
  }

  private ReportedDeposits(
      ChainClient chain, DepositService deposits, Deposits store, boolean verify) {
    this.chain = chain;
    this.deposits = deposits;
    this.store = store;
    this.verify = verify;
  }

  /**
   * Believes every report: only for tests whose deposits have made-up txids and no node behind
   * them. Never in a running stack (the configuration logs a warning when it is chosen).
   */
  public static ReportedDeposits unverifiedForTests(DepositService deposits, Deposits store) {
    return new ReportedDeposits(null, deposits, store, false);
  }

  /**
   * An output the reporter saw in a block. Outputs to addresses that are no user's deposit address
   * are ignored (empty) without asking the node, as {@link DepositService#recordDetected} does.
   */
  public Optional<DepositService.DepositView> detected(
      DepositId id, String address, Doge amount, String blockHash, long blockHeight) {
    if (!verify) {
      return deposits.recordDetected(id, address, amount, blockHash, blockHeight);
    }
    if (!deposits.isDepositAddress(address)) {
      return Optional.empty();
    }
    OnChainOutput onChain = onChain(id, "detected");
    if (!address.equals(onChain.address()) || !amount.equals(onChain.amount())) {
      throw refused(
          id,
          "deposit-mismatch",
          "the node says output "
              + id
              + " pays "
              + onChain.amount()
              + " DOGE to "
              + onChain.address()
              + ", not "
              + amount
              + " DOGE to "
              + address);
    }
    if (!onChain.mined()) {
      throw refused(id, "deposit-not-mined", "the node has " + id + " in no block yet");
    }
    if (!onChain.blockHash().equals(blockHash) || onChain.blockHeight() != blockHeight) {
      throw refused(
          id,
          "deposit-block-mismatch",
          "the node has "
              + id
              + " in block "
              + onChain.blockHash()
              + " at height "
              + onChain.blockHeight()
              + ", not the reported one");
    }
    return deposits.recordDetected(
        id, onChain.address(), onChain.amount(), onChain.blockHash(), onChain.blockHeight());
  }

  /**
   * The reporter's count of confirmations. Credited only when the node agrees the deposit is (at
   * least) that deep in the block it was recorded in; a higher count than the node's is refused.
   */
  public DepositService.DepositView confirmations(DepositId id, int reported) {
    if (!verify) {
      return deposits.observe(id, reported);
    }
    if (reported < 0) {
      throw new WalletException.InvalidRequest(
          "invalid-confirmations", "confirmations", "confirmations must be 0 or more");
    }
    Deposit known = store.find(id).orElseThrow(() -> new WalletException.NotFound("deposit"));
    if (known.status() != Deposit.Status.PENDING) {
      return deposits.observe(id, reported); // credited or cancelled: nothing moves any more
    }
    OnChainOutput onChain = onChain(id, "confirmations");
    if (!onChain.mined() || !onChain.blockHash().equals(known.blockHash())) {
      throw refused(
          id,
          "deposit-not-on-chain",
          "the node no longer has " + id + " in block " + known.blockHash());
    }
    if (reported > onChain.confirmations()) {
      throw refused(
          id,
          "confirmations-not-on-chain",
          "reported "
              + reported
              + " confirmations for "
              + id
              + " but the node says "
              + onChain.confirmations());
    }
    return deposits.observe(id, reported);
  }

  /**
   * The reporter says a reorg dropped the deposit. Refused while the node still has it in the block
   * it was recorded in: cancelling would only delay it, but a cancel that is not true is a sign of
   * a wrong or compromised reporter worth a 409 and a log line.
   */
  public DepositService.DepositView reorged(DepositId id) {
    if (!verify) {
      return deposits.cancelOnReorg(id);
    }
    Deposit known = store.find(id).orElseThrow(() -> new WalletException.NotFound("deposit"));
    if (known.status() == Deposit.Status.PENDING) {
      Optional<OnChainOutput> onChain = chain.output(id.txid(), id.vout());
      if (onChain.isPresent()
          && onChain.get().mined()
          && onChain.get().blockHash().equals(known.blockHash())) {
        throw refused(
            id,
            "deposit-still-on-chain",
            "the node still has " + id + " in block " + known.blockHash());
      }
    }
    return deposits.cancelOnReorg(id);
  }

  private OnChainOutput onChain(DepositId id, String report) {
    return chain
        .output(id.txid(), id.vout())
        .orElseThrow(
            () ->
                refused(
                    id,
                    "deposit-not-on-chain",
                    "the node knows no output " + id + " (reported as " + report + ")"));
  }

  private static WalletException refused(DepositId id, String code, String detail) {
    log.warning("refused a deposit report for " + id + ": " + code + ": " + detail);
    return new WalletException.InvalidState(code, detail);
  }
}
