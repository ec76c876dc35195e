package com.dbay.wallet.adapter.out.chain;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.Payment;
import com.dbay.dogecoin.TransactionBuildException;
import com.dbay.dogecoin.TransactionPlan;
import com.dbay.dogecoin.TransactionPlanner;
import com.dbay.dogecoin.Utxo;
import com.dbay.dogecoin.WatchOnlyAccount;
import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.HotWallet;
import com.dbay.wallet.application.port.out.HotWalletCoins;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.WithdrawalId;
import com.dbay.wallet.domain.WithdrawalPlan;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hot wallet's coins in the {@code utxos} table, planned from the watch-only account key: this
 * service holds no private key. Planning runs inside the withdrawal's unit of work (under its row
 * lock): it locks available coins (skipping ones another withdrawal is planning with), plans a
 * legacy P2PKH transaction paying the address with change to a fresh change address m/44'/3'/0'/1/k
 * (derived from the xpub: the change chain is not hardened) and a fee of 0.01 DOGE per kB of the
 * exact signed size (the signer's signatures are exactly 70 bytes, see
 * TransactionPlanner.planExact), and marks the inputs SPENT by this withdrawal. The change becomes
 * spendable once the transaction is confirmed (the withdrawal settles).
 */
public class HotWalletPlanner implements HotWalletCoins, HotWallet {

  private final JdbcTemplate jdbc;
  private final WatchOnlyAccount account;
  private final DogecoinNetwork network;

  public HotWalletPlanner(JdbcTemplate jdbc, WatchOnlyAccount account) {
    this.jdbc = jdbc;
    this.account = account;
    this.network = account.network();
  }

  @Override
  public void credited(Deposit deposit, long derivationIndex) {
    jdbc.update(
        "insert into utxos (txid, vout, address, amount, chain, derivation_index, status) values (?, ?, ?, ?, 0, ?, 'AVAILABLE') "
            + "on conflict do nothing",
        deposit.id().txid(),
        deposit.id().vout(),
        deposit.address(),
        deposit.amount().koinu(),
        derivationIndex);
  }

  @Override
  public WithdrawalPlan plan(WithdrawalId withdrawal, String address, Doge amount) {
    List<Utxo> candidates =
        jdbc.query(
            "select txid, vout, address, amount, chain, derivation_index from utxos where status = 'AVAILABLE' "
                + "order by amount desc, txid, vout limit 500 for update skip locked",
            (rs, n) ->
                new Utxo(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getLong(4),
                    DogecoinAddress.parse(rs.getString(3), network),
                    new Bip44Path(account.account(), rs.getInt(5), rs.getInt(6))));
    int changeIndex =
        Math.toIntExact(
            jdbc.queryForObject("select nextval('change_address_index_seq')", Long.class));
    TransactionPlan plan;
    try {
      plan =
          TransactionPlanner.planExact(
              candidates,
              List.of(new Payment(DogecoinAddress.parse(address, network), amount.koinu())),
              account.changeAddress(changeIndex),
              FeePolicy.DEFAULT);
    } catch (TransactionBuildException e) {
      // The hot wallet itself is short (or its coins are busy): an operator tops it up; nothing was
      // written.
      throw new IllegalStateException(
          "the hot wallet cannot pay this withdrawal now: " + e.getMessage(), e);
    }
    for (Utxo input : plan.inputs()) {
      int marked =
          jdbc.update(
              "update utxos set status = 'SPENT', spent_by = ? where txid = ? and vout = ? and status = 'AVAILABLE'",
              withdrawal.value(),
              input.txid(),
              input.vout());
      if (marked != 1) {
        throw new IllegalStateException("coin " + input.outpoint() + " was taken meanwhile");
      }
    }
    return toWithdrawalPlan(plan, changeIndex);
  }

  /**
   * The dbay-dogecoin plan in the wallet's terms; {@code changeIndex} is the change address's index
   * on m/44'/3'/0'/1.
   */
  public static WithdrawalPlan toWithdrawalPlan(TransactionPlan plan, int changeIndex) {
    List<WithdrawalPlan.Input> inputs = new ArrayList<>();
    for (Utxo u : plan.inputs()) {
      inputs.add(
          new WithdrawalPlan.Input(
              u.txid(),
              u.vout(),
              new Doge(u.value()),
              u.address().toBase58(),
              u.path().chain(),
              u.path().index()));
    }
    List<WithdrawalPlan.Output> outputs = new ArrayList<>();
    for (Payment p : plan.payments()) {
      outputs.add(new WithdrawalPlan.Output(p.address().toBase58(), new Doge(p.value()), null));
    }
    if (plan.hasChange()) {
      // The signer puts the change after the payments (TransactionSigner); the plan says so
      // explicitly.
      outputs.add(
          new WithdrawalPlan.Output(
              plan.changeAddress().toBase58(), new Doge(plan.change()), changeIndex));
    }
    return new WithdrawalPlan(inputs, outputs, new Doge(plan.fee()), plan.maxSize());
  }

  @Override
  public void confirmed(WithdrawalPlan plan, String txid) {
    int vout = plan.changeVout();
    if (vout < 0) {
      return;
    }
    WithdrawalPlan.Output change = plan.outputs().get(vout);
    jdbc.update(
        "insert into utxos (txid, vout, address, amount, chain, derivation_index, status) values (?, ?, ?, ?, 1, ?, 'AVAILABLE') "
            + "on conflict do nothing",
        txid,
        vout,
        change.address(),
        change.amount().koinu(),
        change.changeIndex());
  }
}
