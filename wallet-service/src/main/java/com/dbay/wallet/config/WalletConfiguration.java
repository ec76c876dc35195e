package com.dbay.wallet.config;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.WatchOnlyAccount;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcConfig;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.Outbox;
import com.dbay.wallet.adapter.in.scheduling.DepositWatcherSchedule;
import com.dbay.wallet.adapter.out.chain.DogecoinAddressValidator;
import com.dbay.wallet.adapter.out.chain.DogecoinTransactionReader;
import com.dbay.wallet.adapter.out.chain.HotWalletPlanner;
import com.dbay.wallet.adapter.out.chain.NoDogecoinNode;
import com.dbay.wallet.adapter.out.chain.RpcChainClient;
import com.dbay.wallet.adapter.out.chain.WatchOnlyDepositAddressDeriver;
import com.dbay.wallet.adapter.out.persistence.JdbcChainCursor;
import com.dbay.wallet.adapter.out.persistence.JdbcDepositAddresses;
import com.dbay.wallet.adapter.out.persistence.JdbcDeposits;
import com.dbay.wallet.adapter.out.persistence.JdbcEscrows;
import com.dbay.wallet.adapter.out.persistence.JdbcHolds;
import com.dbay.wallet.adapter.out.persistence.JdbcIdempotencyStore;
import com.dbay.wallet.adapter.out.persistence.JdbcLedger;
import com.dbay.wallet.adapter.out.persistence.JdbcWithdrawals;
import com.dbay.wallet.adapter.out.persistence.OutboxWalletEvents;
import com.dbay.wallet.adapter.out.persistence.SpringUnitOfWork;
import com.dbay.wallet.application.port.out.AddressValidator;
import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.application.port.out.DepositAddressDeriver;
import com.dbay.wallet.application.port.out.HotWallet;
import com.dbay.wallet.application.port.out.HotWalletCoins;
import com.dbay.wallet.application.port.out.TransactionReader;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.application.port.out.WalletEvents;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.DepositWatcher;
import com.dbay.wallet.application.service.EscrowService;
import com.dbay.wallet.application.service.HoldService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.application.service.ReportedDeposits;
import com.dbay.wallet.application.service.WithdrawalService;
import com.dbay.wallet.domain.ConfirmationPolicy;
import com.dbay.wallet.domain.FeePolicy;
import com.dbay.wallet.domain.WithdrawalPolicy;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class WalletConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock walletClock() {
    return Clock.systemUTC();
  }

  @Bean
  UnitOfWork walletUnitOfWork(
      PlatformTransactionManager transactions, WalletProperties properties) {
    return new SpringUnitOfWork(
        new TransactionTemplate(transactions), properties.holds().maxPerCommit());
  }

  @Bean
  JdbcLedger walletLedger(JdbcTemplate jdbc) {
    return new JdbcLedger(jdbc);
  }

  @Bean
  JdbcIdempotencyStore walletIdempotencyStore(JdbcTemplate jdbc, JsonMapper json) {
    return new JdbcIdempotencyStore(jdbc, json);
  }

  @Bean
  JdbcHolds walletHolds(JdbcTemplate jdbc) {
    return new JdbcHolds(jdbc);
  }

  @Bean
  JdbcEscrows walletEscrows(JdbcTemplate jdbc) {
    return new JdbcEscrows(jdbc);
  }

  @Bean
  JdbcWithdrawals walletWithdrawals(JdbcTemplate jdbc, Outbox outbox) {
    return new JdbcWithdrawals(jdbc, outbox);
  }

  @Bean
  JdbcDeposits walletDeposits(JdbcTemplate jdbc) {
    return new JdbcDeposits(jdbc);
  }

  @Bean
  JdbcDepositAddresses walletDepositAddresses(JdbcTemplate jdbc) {
    return new JdbcDepositAddresses(jdbc);
  }

  /**
   * m/44'/3'/0' without its private part: all this service needs to hand out addresses and plan.
   */
  @Bean
  WatchOnlyAccount walletAccount(WalletProperties properties) {
    WalletProperties.Chain chain = properties.chain();
    if (chain.accountXpub() == null || chain.accountXpub().isBlank()) {
      throw new IllegalStateException(
          "dbay.wallet.chain.account-xpub (DBAY_WALLET_ACCOUNT_XPUB) is required");
    }
    return WatchOnlyAccount.fromXpub(
        chain.accountXpub().strip(), DogecoinNetwork.of(chain.network()));
  }

  @Bean
  @ConditionalOnMissingBean
  DepositAddressDeriver depositAddressDeriver(WatchOnlyAccount account) {
    return new WatchOnlyDepositAddressDeriver(account);
  }

  @Bean
  @ConditionalOnMissingBean
  TransactionReader transactionReader(WalletProperties properties) {
    return new DogecoinTransactionReader(DogecoinNetwork.of(properties.chain().network()));
  }

  @Bean
  @ConditionalOnMissingBean
  AddressValidator addressValidator(WalletProperties properties) {
    return new DogecoinAddressValidator(DogecoinNetwork.of(properties.chain().network()));
  }

  /** The node when a URL is configured; otherwise a stand-in that answers 503 for chain steps. */
  @Bean
  @ConditionalOnMissingBean
  ChainClient chainClient(WalletProperties properties) {
    WalletProperties.Chain chain = properties.chain();
    if (chain.rpcUrl().isBlank()) {
      return new NoDogecoinNode();
    }
    return new RpcChainClient(
        new DogecoinRpcClient(
            RpcConfig.of(
                chain.rpcUrl(),
                chain.rpcUser(),
                chain.rpcPassword(),
                DogecoinNetwork.of(chain.network()))));
  }

  /**
   * The hot wallet's coins, planned from the watch-only account; the blockchain-broadcaster signs.
   * Off (hot-wallet=false), credited deposits are not tracked as coins and planning answers 503.
   */
  @Bean
  @ConditionalOnMissingBean
  HotWalletCoins hotWalletCoins(
      JdbcTemplate jdbc, WalletProperties properties, WatchOnlyAccount account) {
    return properties.chain().hotWallet()
        ? new HotWalletPlanner(jdbc, account)
        : HotWalletCoins.NONE;
  }

  @Bean
  WalletEvents walletEvents(Outbox outbox) {
    return new OutboxWalletEvents(outbox);
  }

  @Bean
  JdbcChainCursor walletChainCursor(JdbcTemplate jdbc) {
    return new JdbcChainCursor(jdbc);
  }

  @Bean
  DepositWatcherSchedule depositWatcherSchedule(
      DepositWatcher watcher, JdbcChainCursor cursor, WalletProperties properties) {
    WalletProperties.Chain chain = properties.chain();
    return new DepositWatcherSchedule(watcher, cursor, chain.watchInterval(), chain.startHeight()) {
      @Override
      public boolean isAutoStartup() {
        return !chain.rpcUrl().isBlank() && chain.watchInterval().isPositive();
      }
    };
  }

  @Bean
  HoldService holdService(
      UnitOfWork unitOfWork, JdbcIdempotencyStore idempotency, JdbcHolds holds, JdbcLedger ledger) {
    return new HoldService(unitOfWork, idempotency, holds, ledger);
  }

  @Bean
  EscrowService escrowService(
      UnitOfWork unitOfWork,
      JdbcIdempotencyStore idempotency,
      JdbcHolds holds,
      JdbcEscrows escrows,
      JdbcLedger ledger,
      WalletProperties properties,
      WalletEvents events) {
    return new EscrowService(
        unitOfWork,
        idempotency,
        holds,
        escrows,
        ledger,
        new FeePolicy(properties.feeBasisPoints()),
        events);
  }

  @Bean
  WithdrawalService withdrawalService(
      UnitOfWork unitOfWork,
      JdbcIdempotencyStore idempotency,
      JdbcWithdrawals withdrawals,
      JdbcLedger ledger,
      AddressValidator addresses,
      HotWalletCoins coins,
      TransactionReader transactions,
      ChainClient chain,
      WalletProperties properties,
      Clock clock) {
    WalletProperties.Withdrawals limits = properties.withdrawals();
    WithdrawalPolicy policy =
        new WithdrawalPolicy(
            Doge.parse(limits.minimum()),
            Doge.parse(limits.dailyLimit()),
            Doge.parse(limits.approvalThreshold()),
            Doge.parse(limits.feeReserve()));
    return new WithdrawalService(
        unitOfWork,
        idempotency,
        withdrawals,
        ledger,
        addresses,
        coins,
        transactions,
        chain,
        policy,
        clock);
  }

  @Bean
  DepositService depositService(
      UnitOfWork unitOfWork,
      JdbcDepositAddresses addresses,
      DepositAddressDeriver deriver,
      JdbcDeposits deposits,
      JdbcLedger ledger,
      WalletEvents events,
      HotWalletCoins coins) {
    HotWallet hotWallet = coins instanceof HotWallet tracked ? tracked : HotWallet.NONE;
    return new DepositService(
        unitOfWork,
        addresses,
        deriver,
        deposits,
        ledger,
        ConfirmationPolicy.standard(),
        events,
        hotWallet);
  }

  @Bean
  DepositWatcher depositWatcher(ChainClient chain, DepositService deposits, JdbcDeposits store) {
    return new DepositWatcher(chain, deposits, store);
  }

  /** Reports from outside the wallet, checked against its own node (unless a test says not to). */
  @Bean
  ReportedDeposits reportedDeposits(
      ChainClient chain, DepositService deposits, JdbcDeposits store, WalletProperties properties) {
    if (!properties.chain().verifyReportedDeposits()) {
      org.slf4j.LoggerFactory.getLogger(WalletConfiguration.class)
          .warn(
              "dbay.wallet.chain.verify-reported-deposits is false: deposit reports are believed"
                  + " without asking the node (tests only)");
      return ReportedDeposits.unverifiedForTests(deposits, store);
    }
    return new ReportedDeposits(chain, deposits, store);
  }

  @Bean
  LedgerQueries ledgerQueries(JdbcLedger ledger) {
    return new LedgerQueries(ledger);
  }
}
