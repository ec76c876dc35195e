package com.dbay.wallet.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dbay.wallet.*}: fees, withdrawal limits (DOGE decimal strings), chain and hold settings.
 */
@ConfigurationProperties("dbay.wallet")
public record WalletProperties(
    @DefaultValue("250") int feeBasisPoints,
    @DefaultValue Withdrawals withdrawals,
    @DefaultValue Chain chain,
    @DefaultValue Holds holds) {

  public record Withdrawals(
      @DefaultValue("1") String minimum,
      @DefaultValue("100000") String dailyLimit,
      @DefaultValue("10000") String approvalThreshold,
      @DefaultValue("0.1") String feeReserve) {}

  /**
   * The Dogecoin side. This service holds no private key: deposit addresses (m/44'/3'/0'/0/i) and
   * change addresses (m/44'/3'/0'/1/k) come from the watch-only {@code accountXpub} (m/44'/3'/0');
   * only the blockchain-broadcaster holds the seed and signs. The default is the regtest tpub of
   * the public BIP39 test phrase ({@link #DEV_ACCOUNT_XPUB}): fine for the dev chain, never for
   * real coins. Without {@code rpcUrl} there is no node: deposits and withdrawal broadcasts wait
   * (503). {@code watchInterval} zero turns the in-process watcher off (e.g. where the
   * deposit-watcher Lambda calls the internal API instead). {@code hotWallet} false keeps credited
   * deposits out of the spendable coins (tests with made-up transactions); withdrawals then cannot
   * be planned (503). {@code verifyReportedDeposits} false believes the deposit-watcher's reports
   * without asking the node: only for tests with made-up txids (no env variable maps it, and the
   * wallet logs a warning when it is off).
   */
  public record Chain(
      @DefaultValue("regtest") String network,
      @DefaultValue(DEV_ACCOUNT_XPUB) String accountXpub,
      @DefaultValue("") String rpcUrl,
      @DefaultValue("dbay") String rpcUser,
      @DefaultValue("dbay") String rpcPassword,
      @DefaultValue("0s") java.time.Duration watchInterval,
      @DefaultValue("0") long startHeight,
      @DefaultValue("true") boolean hotWallet,
      @DefaultValue("true") boolean verifyReportedDeposits) {}

  /**
   * m/44'/3'/0' of "abandon ×11 about" (empty passphrase) on regtest/testnet: the dev chain's
   * wallet.
   */
  public static final String DEV_ACCOUNT_XPUB =
      "tpubDCLWAMz8iRrbZ39BLZzKNpxi3GJULLttVrWt8t5obo71DXtjULJYesLtqpSaHx1ZQstzszGKDfbSCQPasqngc9VeHR6gM46hVwsXSvtQrHF";

  /**
   * Holds of one user that arrive together share one transaction and one durable commit, at most
   * {@code maxPerCommit} of them (1 turns the sharing off). Each runs in a subtransaction;
   * PostgreSQL keeps up to 64 subtransaction ids per backend in shared memory and slows every
   * snapshot down past that, so stay well below 64.
   */
  public record Holds(@DefaultValue("32") int maxPerCommit) {}

  /** A shared token that internal callers (auction, order, workflows) must present, when set. */
}
