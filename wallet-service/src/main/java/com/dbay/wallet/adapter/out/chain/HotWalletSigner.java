package com.dbay.wallet.adapter.out.chain;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.HdSigner;
import com.dbay.dogecoin.Payment;
import com.dbay.dogecoin.TransactionBuildException;
import com.dbay.dogecoin.TransactionPlan;
import com.dbay.dogecoin.TransactionPlanner;
import com.dbay.dogecoin.Utxo;
import com.dbay.wallet.application.port.out.HotWallet;
import com.dbay.wallet.application.port.out.TransactionSigner;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.Money;
import com.dbay.wallet.domain.WithdrawalId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hot wallet: its spendable coins in the {@code utxos} table and the seed to sign with. Signing
 * runs inside the withdrawal's unit of work (under its row lock): it locks available coins (skipping
 * ones another withdrawal is signing with), plans a legacy P2PKH transaction paying the address with
 * change to a fresh change address and a fee of 0.01 DOGE per kB of the exact size, signs it, marks
 * the inputs SPENT by this withdrawal and records the change as spendable, all before the
 * transaction is stored and long before it is broadcast.
 *
 * <p>For the one-machine setup the seed comes from configuration; in AWS signing belongs in the
 * blockchain-broadcaster with the seed from Secrets Manager.
 */
public class HotWalletSigner implements TransactionSigner, HotWallet, AutoCloseable {

  private final JdbcTemplate jdbc;
  private final HdSigner keys;
  private final DogecoinNetwork network;

  public HotWalletSigner(JdbcTemplate jdbc, HdSigner keys) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.network = keys.network();
  }

  @Override
  public void credited(Deposit deposit, long derivationIndex) {
    jdbc.update("insert into utxos (txid, vout, address, amount, chain, derivation_index, status) values (?, ?, ?, ?, 0, ?, 'AVAILABLE') "
        + "on conflict do nothing", deposit.id().txid(), deposit.id().vout(), deposit.address(), deposit.amount().koinu(), derivationIndex);
  }

  @Override
  public SignedTransaction sign(WithdrawalId withdrawal, String address, Money amount, Money maxFee) {
    List<Utxo> candidates = jdbc.query("select txid, vout, address, amount, chain, derivation_index from utxos where status = 'AVAILABLE' "
        + "order by amount desc, txid, vout limit 500 for update skip locked",
        (rs, n) -> new Utxo(rs.getString(1), rs.getInt(2), rs.getLong(4), DogecoinAddress.parse(rs.getString(3), network),
            new Bip44Path(0, rs.getInt(5), rs.getInt(6))));
    Long changeIndex = jdbc.queryForObject("select nextval('change_address_index_seq')", Long.class);
    DogecoinAddress change = keys.address(Bip44Path.change(0, Math.toIntExact(changeIndex)));
    TransactionPlan plan;
    try {
      plan = TransactionPlanner.plan(candidates, List.of(new Payment(DogecoinAddress.parse(address, network), amount.koinu())), change,
          FeePolicy.DEFAULT);
    } catch (TransactionBuildException e) {
      // The hot wallet itself is short (or the coins are busy): an operator tops it up; nothing was written.
      throw new IllegalStateException("the hot wallet cannot pay this withdrawal now: " + e.getMessage(), e);
    }
    com.dbay.dogecoin.SignedTransaction signed = keys.sign(plan);
    for (Utxo input : signed.inputs()) {
      jdbc.update("update utxos set status = 'SPENT', spent_by = ? where txid = ? and vout = ? and status = 'AVAILABLE'", withdrawal.value(),
          input.txid(), input.vout());
    }
    if (signed.changeOutputIndex() >= 0 && signed.change() > 0) {
      jdbc.update("insert into utxos (txid, vout, address, amount, chain, derivation_index, status) values (?, ?, ?, ?, 1, ?, 'AVAILABLE')",
          signed.txid(), signed.changeOutputIndex(), change.toBase58(), signed.change(), changeIndex);
    }
    return new SignedTransaction(signed.txid(), signed.rawHex(), new Money(signed.fee()));
  }

  @Override
  public void close() {
    keys.close();
  }
}
