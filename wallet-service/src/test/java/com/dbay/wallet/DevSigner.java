package com.dbay.wallet;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.HdSigner;
import com.dbay.dogecoin.Payment;
import com.dbay.dogecoin.TransactionPlan;
import com.dbay.dogecoin.Utxo;
import com.dbay.wallet.domain.WithdrawalPlan;
import java.util.List;

/**
 * Plays the blockchain-broadcaster in tests that drive the wallet directly: signs exactly the
 * wallet's plan with the dev chain's seed ("abandon ×11 about", whose regtest tpub is the wallet's
 * default xpub). The wallet itself holds no seed.
 */
public final class DevSigner {

  public static final String PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  public static final DogecoinNetwork NETWORK = DogecoinNetwork.REGTEST;

  private DevSigner() {}

  /** The plan in dbay-dogecoin terms, as the broadcaster reads it from the wallet's JSON. */
  public static TransactionPlan toSign(WithdrawalPlan plan) {
    List<Utxo> inputs =
        plan.inputs().stream()
            .map(
                i ->
                    new Utxo(
                        i.txid(),
                        i.vout(),
                        i.amount().koinu(),
                        DogecoinAddress.parse(i.address(), NETWORK),
                        new Bip44Path(0, i.chain(), i.index())))
            .toList();
    List<Payment> payments =
        plan.outputs().stream()
            .filter(o -> !o.isChange())
            .map(o -> new Payment(DogecoinAddress.parse(o.address(), NETWORK), o.amount().koinu()))
            .toList();
    WithdrawalPlan.Output change =
        plan.changeVout() < 0 ? null : plan.outputs().get(plan.changeVout());
    return new TransactionPlan(
        inputs,
        payments,
        change == null ? null : DogecoinAddress.parse(change.address(), NETWORK),
        change == null ? 0 : change.amount().koinu(),
        plan.fee().koinu(),
        plan.size(),
        FeePolicy.DEFAULT);
  }

  /** The signed transaction's hex. */
  public static String sign(WithdrawalPlan plan) {
    return sign(toSign(plan));
  }

  public static String sign(TransactionPlan plan) {
    try (HdSigner keys = HdSigner.fromMnemonic(PHRASE, "", NETWORK)) {
      return keys.signAsPlanned(plan).rawHex();
    }
  }
}
