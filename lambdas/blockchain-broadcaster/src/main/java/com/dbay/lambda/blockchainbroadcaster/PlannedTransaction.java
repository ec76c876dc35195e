package com.dbay.lambda.blockchainbroadcaster;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.Payment;
import com.dbay.dogecoin.TransactionPlan;
import com.dbay.dogecoin.Utxo;
import com.dbay.platform.money.Doge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wallet's plan (its JSON, DOGE decimal strings) as a dbay-dogecoin {@link TransactionPlan} to
 * sign.
 */
final class PlannedTransaction {

  private PlannedTransaction() {}

  @SuppressWarnings("unchecked")
  static TransactionPlan from(Map<String, Object> plan, DogecoinNetwork network) {
    List<Utxo> inputs = new ArrayList<>();
    for (Map<String, Object> in : (List<Map<String, Object>>) plan.get("inputs")) {
      inputs.add(
          new Utxo(
              (String) in.get("txid"),
              number(in, "vout"),
              Doge.parse((String) in.get("amount")).koinu(),
              DogecoinAddress.parseP2pkh((String) in.get("address"), network),
              new Bip44Path(0, number(in, "chain"), number(in, "index"))));
    }
    List<Payment> payments = new ArrayList<>();
    DogecoinAddress changeAddress = null;
    long change = 0;
    List<Map<String, Object>> outputs = (List<Map<String, Object>>) plan.get("outputs");
    for (int i = 0; i < outputs.size(); i++) {
      Map<String, Object> out = outputs.get(i);
      DogecoinAddress address = DogecoinAddress.parse((String) out.get("address"), network);
      long value = Doge.parse((String) out.get("amount")).koinu();
      if (Boolean.TRUE.equals(out.get("change"))) {
        // the signer writes the change after the payments: a plan saying otherwise is not signed
        if (i != outputs.size() - 1 || changeAddress != null) {
          throw new IllegalArgumentException("the plan's change must be its last output");
        }
        changeAddress = address;
        change = value;
      } else {
        payments.add(new Payment(address, value));
      }
    }
    return new TransactionPlan(
        inputs,
        payments,
        changeAddress,
        change,
        Doge.parse((String) plan.get("fee")).koinu(),
        number(plan, "size"),
        FeePolicy.DEFAULT);
  }

  private static int number(Map<String, Object> map, String field) {
    if (!(map.get(field) instanceof Number n)) {
      throw new IllegalArgumentException("the plan's " + field + " is missing");
    }
    return n.intValue();
  }
}
