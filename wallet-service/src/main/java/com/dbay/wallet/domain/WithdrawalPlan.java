package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one transaction of a withdrawal, before it is signed: which of the hot wallet's coins it
 * spends (with the BIP44 path m/44'/3'/0'/chain/index that signs each), what it pays, and the fee
 * for its exact signed size. The wallet makes it without private keys; the signer signs exactly
 * this, and a signed transaction is accepted only if it spends and pays exactly what is planned
 * here.
 */
public record WithdrawalPlan(List<Input> inputs, List<Output> outputs, Doge fee, int size) {

  public record Input(String txid, int vout, Doge amount, String address, int chain, int index) {
    public Input {
      Objects.requireNonNull(txid);
      Objects.requireNonNull(amount);
      Objects.requireNonNull(address);
    }

    public String outpoint() {
      return txid + ":" + vout;
    }
  }

  /**
   * {@code changeIndex} is the change path's index (m/44'/3'/0'/1/changeIndex) for the change
   * output, null for a payment.
   */
  public record Output(String address, Doge amount, Integer changeIndex) {
    public Output {
      Objects.requireNonNull(address);
      Objects.requireNonNull(amount);
    }

    public boolean isChange() {
      return changeIndex != null;
    }
  }

  public WithdrawalPlan {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(fee);
    if (inputs.isEmpty() || outputs.isEmpty()) {
      throw new IllegalArgumentException(
          "a plan spends at least one coin and pays at least one output");
    }
    Doge in = inputs.stream().map(Input::amount).reduce(Doge.ZERO, Doge::plus);
    Doge out = outputs.stream().map(Output::amount).reduce(Doge.ZERO, Doge::plus);
    if (!in.equals(out.plus(fee))) {
      throw new IllegalArgumentException(
          "the plan does not balance: inputs "
              + in.toString()
              + ", outputs "
              + out.toString()
              + ", fee "
              + fee.toString());
    }
  }

  public Doge paid() {
    return outputs.stream()
        .filter(o -> !o.isChange())
        .map(Output::amount)
        .reduce(Doge.ZERO, Doge::plus);
  }

  /** The change output's position in the transaction, or -1. */
  public int changeVout() {
    for (int i = 0; i < outputs.size(); i++) {
      if (outputs.get(i).isChange()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Why {@code signed} is not this plan's transaction; empty when it spends exactly the planned
   * inputs (in order), pays exactly the planned outputs (addresses and amounts, in order), and so
   * the planned fee, and every input's signature verifies.
   */
  public List<String> differences(SignedTransfer signed) {
    List<String> problems = new ArrayList<>();
    List<String> planned = inputs.stream().map(Input::outpoint).toList();
    if (!planned.equals(signed.inputs())) {
      problems.add("spends " + signed.inputs() + ", planned " + planned);
    }
    if (signed.outputs().size() != outputs.size()) {
      problems.add("has " + signed.outputs().size() + " outputs, planned " + outputs.size());
    } else {
      for (int i = 0; i < outputs.size(); i++) {
        Output want = outputs.get(i);
        SignedTransfer.Output got = signed.outputs().get(i);
        if (!want.address().equals(got.address()) || !want.amount().equals(got.amount())) {
          problems.add(
              "output "
                  + i
                  + " pays "
                  + got.amount().toString()
                  + " DOGE to "
                  + got.address()
                  + ", planned "
                  + want.amount().toString()
                  + " DOGE to "
                  + want.address());
        }
      }
    }
    if (problems.isEmpty() && !signed.signaturesValid()) {
      problems.add("its signatures do not verify against the planned inputs");
    }
    return problems;
  }
}
