package com.dbay.wallet.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dbay.wallet.*}: fees, withdrawal limits (DOGE decimal strings), chain and internal-caller settings. */
@ConfigurationProperties("dbay.wallet")
public record WalletProperties(
    @DefaultValue("250") int feeBasisPoints,
    @DefaultValue Withdrawals withdrawals,
    @DefaultValue Chain chain,
    @DefaultValue Internal internal,
    @DefaultValue Holds holds) {

  public record Withdrawals(
      @DefaultValue("1") String minimum,
      @DefaultValue("100000") String dailyLimit,
      @DefaultValue("10000") String approvalThreshold,
      @DefaultValue("0.1") String feeReserve) {}

  /**
   * The Dogecoin side. Deposit addresses come from {@code accountXpub} (m/44'/3'/0', watch-only) or,
   * when that is empty, from {@code mnemonic}; the default mnemonic is the public BIP39 test phrase:
   * fine for regtest, never for real coins. Without {@code rpcUrl} there is no node: deposits and
   * withdrawal broadcasts wait (503). {@code watchInterval} zero turns the in-process watcher off
   * (e.g. where the deposit-watcher Lambda calls the internal API instead). {@code signing} lets this
   * service sign withdrawals with the mnemonic's keys (one-machine setup); off where the
   * blockchain-broadcaster signs.
   */
  public record Chain(
      @DefaultValue("regtest") String network,
      @DefaultValue("") String accountXpub,
      @DefaultValue("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about") String mnemonic,
      @DefaultValue("") String passphrase,
      @DefaultValue("") String rpcUrl,
      @DefaultValue("dbay") String rpcUser,
      @DefaultValue("dbay") String rpcPassword,
      @DefaultValue("0s") java.time.Duration watchInterval,
      @DefaultValue("0") long startHeight,
      @DefaultValue("true") boolean signing) {}

  /**
   * Holds of one user that arrive together share one transaction and one durable commit, at most
   * {@code maxPerCommit} of them (1 turns the sharing off). Each runs in a subtransaction; PostgreSQL
   * keeps up to 64 subtransaction ids per backend in shared memory and slows every snapshot down past
   * that, so stay well below 64.
   */
  public record Holds(@DefaultValue("32") int maxPerCommit) {}

  /** A shared token that internal callers (auction, order, workflows) must present, when set. */
  public record Internal(@DefaultValue("") String token) {}
}
