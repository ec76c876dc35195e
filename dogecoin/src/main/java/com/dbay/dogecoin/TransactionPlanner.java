package com.dbay.dogecoin;

import static com.dbay.dogecoin.TransactionBuildException.Reason.DUST_OUTPUT;
import static com.dbay.dogecoin.TransactionBuildException.Reason.INSUFFICIENT_FUNDS;
import static com.dbay.dogecoin.TransactionBuildException.Reason.INVALID;
import static com.dbay.dogecoin.TransactionBuildException.Reason.TOO_LARGE;

import com.dbay.platform.money.Doge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deterministic coin selection: largest value first (ties by txid, then vout), adding inputs until
 * they pay the outputs plus the fee at the largest size the transaction can have with that many
 * inputs. Change below the soft dust limit is not created; it goes to the fee. The same candidates
 * always give the same plan.
 */
public final class TransactionPlanner {

  private static final Comparator<Utxo> LARGEST_FIRST =
      Comparator.comparingLong(Utxo::value)
          .reversed()
          .thenComparing(Utxo::txid)
          .thenComparingInt(Utxo::vout);

  private TransactionPlanner() {}

  public static TransactionPlan plan(
      List<Utxo> candidates,
      List<Payment> payments,
      DogecoinAddress changeAddress,
      FeePolicy policy) {
    return plan(candidates, payments, changeAddress, policy, TransactionSizes::maxSize);
  }

  /**
   * A plan for {@link TransactionSigner#signAsPlanned}: sized with {@link
   * TransactionSizes#exactSize}, so its {@code fee} is exactly the fee for the size the signed
   * transaction will have and {@code maxSize} is that size. Whoever holds no keys can plan it; the
   * signer signs it without changing a koinu.
   */
  public static TransactionPlan planExact(
      List<Utxo> candidates,
      List<Payment> payments,
      DogecoinAddress changeAddress,
      FeePolicy policy) {
    return plan(candidates, payments, changeAddress, policy, TransactionSizes::exactSize);
  }

  private static TransactionPlan plan(
      List<Utxo> candidates,
      List<Payment> payments,
      DogecoinAddress changeAddress,
      FeePolicy policy,
      java.util.function.IntBinaryOperator sizes) {
    if (payments.isEmpty()) {
      throw new TransactionBuildException(INVALID, "a transaction needs at least one payment");
    }
    DogecoinNetwork network = payments.getFirst().address().network();
    long paySum = 0;
    for (Payment p : payments) {
      if (p.address().network() != network) {
        throw new TransactionBuildException(INVALID, "payments to different networks");
      }
      if (policy.isDust(p.value())) {
        throw new TransactionBuildException(
            DUST_OUTPUT,
            "output of "
                + Doge.ofKoinu(p.value()).toString()
                + " DOGE is below the dust limit of "
                + Doge.ofKoinu(policy.softDust()).toString()
                + " DOGE");
      }
      try {
        paySum = Math.addExact(paySum, p.value());
      } catch (ArithmeticException e) {
        throw new TransactionBuildException(INVALID, "payment total overflows");
      }
    }
    if (changeAddress != null
        && (changeAddress.network() != network
            || changeAddress.type() != DogecoinAddress.Type.P2PKH)) {
      throw new TransactionBuildException(
          INVALID, "change address must be P2PKH on " + network.chainName());
    }
    List<Utxo> sorted = new ArrayList<>(candidates);
    sorted.sort(LARGEST_FIRST);
    Set<String> seen = new HashSet<>();
    List<Utxo> selected = new ArrayList<>();
    long total = 0;
    for (Utxo u : sorted) {
      if (u.address().network() != network) {
        throw new TransactionBuildException(
            INVALID, "input " + u.outpoint() + " is on another network");
      }
      if (!seen.add(u.outpoint())) {
        continue;
      }
      selected.add(u);
      total += u.value();
      int n = selected.size();
      int sizeNoChange = sizes.applyAsInt(n, payments.size());
      if (sizeNoChange > TransactionSizes.MAX_STANDARD_TX) {
        throw new TransactionBuildException(
            TOO_LARGE,
            "paying this needs more than "
                + (n - 1)
                + " inputs, which exceeds the standard transaction size; consolidate first",
            paySum,
            total);
      }
      long feeNoChange = policy.feeFor(sizeNoChange);
      if (total < paySum + feeNoChange) {
        continue;
      }
      int sizeWithChange = sizes.applyAsInt(n, payments.size() + 1);
      long feeWithChange = policy.feeFor(sizeWithChange);
      long change = total - paySum - feeWithChange;
      if (changeAddress != null
          && change > 0
          && !policy.isDust(change)
          && sizeWithChange <= TransactionSizes.MAX_STANDARD_TX) {
        return new TransactionPlan(
            selected, payments, changeAddress, change, feeWithChange, sizeWithChange, policy);
      }
      return new TransactionPlan(
          selected, payments, changeAddress, 0, total - paySum, sizeNoChange, policy);
    }
    long needed =
        paySum + policy.feeFor(sizes.applyAsInt(Math.max(1, selected.size()), payments.size()));
    throw new TransactionBuildException(
        INSUFFICIENT_FUNDS,
        "need "
            + Doge.ofKoinu(needed).toString()
            + " DOGE including the fee,"
            + " have "
            + Doge.ofKoinu(total).toString()
            + " DOGE",
        needed,
        total);
  }
}
