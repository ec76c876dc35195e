package com.dbay.lambda.blockchainbroadcaster;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.HdSigner;
import com.dbay.dogecoin.SignedTransaction;
import com.dbay.dogecoin.TransactionPlan;
import java.util.function.Supplier;

/**
 * Signs exactly the wallet's plan (see HdSigner#signAsPlanned): the only holder of private keys.
 */
@FunctionalInterface
public interface WithdrawalSigner {

  SignedTransaction signAsPlanned(TransactionPlan plan);

  static WithdrawalSigner of(HdSigner keys) {
    return keys::signAsPlanned;
  }

  /**
   * Loads the seed on the first signature (a cold start that only broadcasts or counts
   * confirmations never reads the secret), keeps the derived signer for the life of the function
   * instance and wipes the read secret at once.
   */
  static WithdrawalSigner fromSeed(Supplier<WalletSeed> seeds, DogecoinNetwork network) {
    return new WithdrawalSigner() {
      private HdSigner keys;

      @Override
      public synchronized SignedTransaction signAsPlanned(TransactionPlan plan) {
        if (keys == null) {
          try (WalletSeed seed = seeds.get()) {
            keys = seed.signer(network);
          }
        }
        return keys.signAsPlanned(plan);
      }

      @Override
      public String toString() {
        return "WithdrawalSigner["
            + network
            + ", keys "
            + (keys == null ? "not loaded" : "loaded")
            + "]";
      }
    };
  }
}
