package com.dbay.wallet.adapter.out.chain;

import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.TransactionCodec;
import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.TransactionReader;
import com.dbay.wallet.domain.SignedTransfer;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.WithdrawalPlan;
import java.util.HexFormat;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptException;

/**
 * Legacy Dogecoin transactions through dbay-dogecoin; signatures are checked with bitcoinj's script
 * interpreter against the planned coins' P2PKH scripts, so a transaction that could never be mined
 * is never stored as a withdrawal's one transaction.
 */
public class DogecoinTransactionReader implements TransactionReader {

  private final DogecoinNetwork network;

  public DogecoinTransactionReader(DogecoinNetwork network) {
    this.network = network;
  }

  @Override
  public SignedTransfer read(String rawHex, WithdrawalPlan plan) {
    byte[] raw;
    DecodedTransaction decoded;
    Transaction tx;
    try {
      raw = HexFormat.of().parseHex(rawHex == null ? "" : rawHex.strip());
      decoded = TransactionCodec.decode(raw, network);
      tx = TransactionCodec.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new WalletException.InvalidRequest(
          "invalid-transaction",
          "rawTransaction",
          "not a valid signed transaction: " + e.getMessage());
    }
    if (raw.length == 0) {
      throw new WalletException.InvalidRequest(
          "invalid-transaction", "rawTransaction", "rawTransaction is required");
    }
    boolean valid = decoded.inputs().size() == plan.inputs().size();
    for (int i = 0; valid && i < decoded.inputs().size(); i++) {
      Script spent =
          DogecoinAddress.parseP2pkh(plan.inputs().get(i).address(), network).scriptPubKey();
      try {
        tx.getInput(i)
            .getScriptSig()
            .correctlySpends(tx, i, null, null, spent, Script.ALL_VERIFY_FLAGS);
      } catch (ScriptException e) {
        valid = false;
      }
    }
    return new SignedTransfer(
        decoded.txid(),
        decoded.hex(),
        decoded.inputs().stream().map(in -> in.prevTxid() + ":" + in.prevVout()).toList(),
        decoded.outputs().stream()
            .map(
                o ->
                    new SignedTransfer.Output(
                        o.address() == null ? null : o.address().toBase58(), new Doge(o.value())))
            .toList(),
        decoded.size(),
        valid);
  }
}
