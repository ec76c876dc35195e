package com.dbay.dogecoin;

import java.util.List;

/**
 * Which inputs pay which outputs, before signing. {@code fee} and {@code change} are settled for
 * the largest size the signed transaction can have ({@code maxSize}); signing settles them at the
 * exact size.
 */
public record TransactionPlan(
    List<Utxo> inputs,
    List<Payment> payments,
    DogecoinAddress changeAddress,
    long change,
    long fee,
    int maxSize,
    FeePolicy feePolicy) {

  public TransactionPlan {
    inputs = List.copyOf(inputs);
    payments = List.copyOf(payments);
  }

  public long inputTotal() {
    return inputs.stream().mapToLong(Utxo::value).sum();
  }

  public long paymentTotal() {
    return payments.stream().mapToLong(Payment::value).sum();
  }

  public boolean hasChange() {
    return change > 0;
  }
}
