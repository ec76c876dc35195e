package com.dbay.wallet.application.service;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.Payment;
import com.dbay.dogecoin.TransactionBuildException;
import com.dbay.dogecoin.TransactionPlanner;
import com.dbay.dogecoin.Utxo;
import com.dbay.dogecoin.WatchOnlyAccount;
import com.dbay.platform.money.Doge;
import com.dbay.wallet.adapter.out.chain.HotWalletPlanner;
import com.dbay.wallet.application.port.out.HotWalletCoins;
import com.dbay.wallet.config.WalletProperties;
import com.dbay.wallet.domain.WithdrawalId;
import com.dbay.wallet.domain.WithdrawalPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot wallet's coins in memory, planned like {@link HotWalletPlanner} (real dbay-dogecoin
 * planning from the dev chain's watch-only xpub), so the signatures tests check are real
 * transactions.
 */
final class InMemoryCoins implements HotWalletCoins {

  static final DogecoinNetwork NET = DogecoinNetwork.REGTEST;
  final WatchOnlyAccount account =
      WatchOnlyAccount.fromXpub(WalletProperties.DEV_ACCOUNT_XPUB, NET);
  final Map<String, Utxo> available = new LinkedHashMap<>();
  final Map<String, WithdrawalId> spent = new LinkedHashMap<>();
  final List<String> change = new ArrayList<>();
  int plans;
  private int nextChange;

  void add(String txid, int vout, Doge amount, int receiveIndex) {
    Utxo u =
        new Utxo(
            txid,
            vout,
            amount.koinu(),
            account.receiveAddress(receiveIndex),
            Bip44Path.receive(0, receiveIndex));
    available.put(u.outpoint(), u);
  }

  @Override
  public WithdrawalPlan plan(WithdrawalId withdrawal, String address, Doge amount) {
    plans++;
    int changeIndex = nextChange++;
    try {
      var plan =
          TransactionPlanner.planExact(
              List.copyOf(available.values()),
              List.of(new Payment(DogecoinAddress.parse(address, NET), amount.koinu())),
              account.changeAddress(changeIndex),
              FeePolicy.DEFAULT);
      plan.inputs().forEach(u -> spent.put(available.remove(u.outpoint()).outpoint(), withdrawal));
      return HotWalletPlanner.toWithdrawalPlan(plan, changeIndex);
    } catch (TransactionBuildException e) {
      throw new IllegalStateException(
          "the hot wallet cannot pay this withdrawal now: " + e.getMessage(), e);
    }
  }

  @Override
  public void confirmed(WithdrawalPlan plan, String txid) {
    change.add(txid + ":" + plan.changeVout());
  }
}
