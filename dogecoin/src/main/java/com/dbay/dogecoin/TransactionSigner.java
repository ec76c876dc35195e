package com.dbay.dogecoin;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.bitcoinj.script.ScriptException;

/**
 * Builds and signs legacy P2PKH transactions (SIGHASH_ALL, RFC 6979 deterministic low-S signatures
 * ground to low R like Core's wallet, so every signature is at most 70 DER bytes and signing the
 * same plan twice gives the same bytes).
 *
 * <p>The fee is settled at the exact signed size: DER signatures vary by a byte, so the signer
 * signs, measures, sets the fee for that size and signs again until the fee matches the size it
 * pays for; it never returns a transaction whose fee is below {@link FeePolicy#feeFor(int)} of its
 * own size. Every input is checked with bitcoinj's script interpreter before the transaction is
 * returned.
 */
public final class TransactionSigner {

  private static final int MAX_ROUNDS = 24;
  private static final long SETTLED = 16;

  private TransactionSigner() {}

  public static SignedTransaction sign(TransactionPlan plan, Function<Utxo, ECKey> keys) {
    long inputSum = plan.inputTotal();
    long paySum = plan.paymentTotal();
    FeePolicy policy = plan.feePolicy();
    List<ECKey> inputKeys = plan.inputs().stream().map(keys).toList();

    if (!plan.hasChange()) {
      Built b = build(plan, inputKeys, 0);
      long fee = inputSum - paySum;
      if (fee < policy.feeFor(b.size())) {
        throw new TransactionBuildException(
            TransactionBuildException.Reason.INSUFFICIENT_FUNDS,
            "inputs do not cover the fee",
            paySum + policy.feeFor(b.size()),
            inputSum);
      }
      return b.result(plan, fee, 0);
    }

    // The plan's fee is for the largest possible size, so it is always enough. Look for the
    // smallest fee that
    // still pays for the size it produces. Changing the change amount changes the signatures, whose
    // DER length
    // varies by a byte, so the size can flip back and forth; nudging the fee by a few koinu gives
    // other
    // signatures until one fits (the overpayment stays below SETTLED koinu).
    Built best = null;
    long bestFee = Long.MAX_VALUE;
    long bestChange = 0;
    Set<Long> tried = new HashSet<>();
    long target = Long.MAX_VALUE;
    long fee = plan.fee();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      tried.add(fee);
      long change = inputSum - paySum - fee;
      if (change <= 0 || policy.isDust(change)) {
        break;
      }
      Built b = build(plan, inputKeys, change);
      long required = policy.feeFor(b.size());
      if (required <= fee && fee < bestFee) {
        best = b;
        bestFee = fee;
        bestChange = change;
        if (fee - required <= SETTLED) {
          break;
        }
      }
      target = Math.min(target, required);
      long next = target;
      while (tried.contains(next)) {
        next++;
      }
      if (next > target + SETTLED) {
        break;
      }
      fee = next;
    }
    if (best == null) {
      throw new IllegalStateException(
          "no fee fits the signed size; the plan's fee was below the size bound");
    }
    return best.result(plan, bestFee, bestChange);
  }

  /**
   * Signs exactly what was planned (by {@link TransactionPlanner#planExact}, possibly by someone
   * holding no keys): the plan's inputs, payments, change and fee, not a koinu moved. Every
   * signature is ground to exactly 70 DER bytes, so the transaction has exactly {@link
   * TransactionSizes#exactSize} bytes, which must be the plan's {@code maxSize} and what its fee
   * pays for. The same plan always gives the same bytes.
   */
  public static SignedTransaction signAsPlanned(TransactionPlan plan, Function<Utxo, ECKey> keys) {
    long fee = plan.inputTotal() - plan.paymentTotal() - plan.change();
    if (fee != plan.fee()) {
      throw new IllegalArgumentException(
          "the plan does not balance: inputs - payments - change = "
              + fee
              + " koinu, its fee says "
              + plan.fee());
    }
    if (plan.change() < 0 || plan.hasChange() && plan.changeAddress() == null) {
      throw new IllegalArgumentException("the plan's change has no address");
    }
    int outputs = plan.payments().size() + (plan.hasChange() ? 1 : 0);
    int size = TransactionSizes.exactSize(plan.inputs().size(), outputs);
    if (plan.maxSize() != size) {
      throw new IllegalArgumentException(
          "the plan is sized for " + plan.maxSize() + " bytes; signed it has " + size);
    }
    if (fee < plan.feePolicy().feeFor(size)) {
      throw new IllegalArgumentException(
          "the plan's fee "
              + fee
              + " is below "
              + plan.feePolicy().feeFor(size)
              + " koinu for "
              + size
              + " bytes");
    }
    Built b = build(plan, plan.inputs().stream().map(keys).toList(), plan.change(), true);
    if (b.size() != size) {
      throw new IllegalStateException(
          "signed " + b.size() + " bytes where " + size + " were planned");
    }
    return b.result(plan, fee, plan.change());
  }

  private record Built(Transaction tx, byte[] bytes, int changeIndex) {
    int size() {
      return bytes.length;
    }

    SignedTransaction result(TransactionPlan plan, long fee, long change) {
      return new SignedTransaction(
          tx.getTxId().toString(),
          HexFormat.of().formatHex(bytes),
          bytes.length,
          fee,
          plan.inputs(),
          plan.payments(),
          change,
          changeIndex);
    }
  }

  private static Built build(TransactionPlan plan, List<ECKey> keys, long change) {
    return build(plan, keys, change, false);
  }

  private static Built build(
      TransactionPlan plan, List<ECKey> keys, long change, boolean exactLength) {
    Transaction tx = new Transaction();
    tx.setVersion(1);
    for (Utxo u : plan.inputs()) {
      tx.addInput(
          new TransactionInput(
              tx, new byte[0], new TransactionOutPoint(u.vout(), Sha256Hash.wrap(u.txid()))));
    }
    for (Payment p : plan.payments()) {
      tx.addOutput(Coin.valueOf(p.value()), p.address().scriptPubKey());
    }
    int changeIndex = -1;
    if (change > 0) {
      changeIndex = tx.getOutputs().size();
      tx.addOutput(Coin.valueOf(change), plan.changeAddress().scriptPubKey());
    }
    for (int i = 0; i < plan.inputs().size(); i++) {
      Utxo u = plan.inputs().get(i);
      ECKey key = keys.get(i);
      Script scriptPubKey = u.address().scriptPubKey();
      Sha256Hash sighash = tx.hashForSignature(i, scriptPubKey, Transaction.SigHash.ALL, false);
      TransactionSignature sig =
          new TransactionSignature(
              LowRSigner.sign(sighash, key, exactLength), Transaction.SigHash.ALL, false);
      tx.replaceInput(i, tx.getInput(i).withScriptSig(ScriptBuilder.createInputScript(sig, key)));
    }
    for (int i = 0; i < plan.inputs().size(); i++) {
      Script scriptPubKey = plan.inputs().get(i).address().scriptPubKey();
      try {
        tx.getInput(i)
            .getScriptSig()
            .correctlySpends(tx, i, null, null, scriptPubKey, Script.ALL_VERIFY_FLAGS);
      } catch (ScriptException e) {
        throw new IllegalArgumentException(
            "input "
                + plan.inputs().get(i).outpoint()
                + " does not verify with the key given for it: "
                + e.getMessage(),
            e);
      }
    }
    return new Built(tx, tx.serialize(), changeIndex);
  }
}
