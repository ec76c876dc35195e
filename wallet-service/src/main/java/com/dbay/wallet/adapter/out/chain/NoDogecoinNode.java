package com.dbay.wallet.adapter.out.chain;

import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.application.port.out.TransactionSigner;
import com.dbay.wallet.domain.Money;
import com.dbay.wallet.domain.WithdrawalId;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for the Dogecoin node and the signer until the dogecoin library's JSON-RPC client and
 * transaction builder are wired: withdrawals can be requested, approved and rejected, but the
 * workflow steps that need the chain fail loudly instead of pretending.
 */
public class NoDogecoinNode implements ChainClient, TransactionSigner {

  private static IllegalStateException unavailable() {
    return new IllegalStateException("no Dogecoin node is configured for the wallet");
  }

  @Override
  public long tipHeight() {
    throw unavailable();
  }

  @Override
  public String blockHash(long height) {
    throw unavailable();
  }

  @Override
  public List<Output> outputs(long height) {
    throw unavailable();
  }

  @Override
  public String broadcast(String rawHex) {
    throw unavailable();
  }

  @Override
  public Optional<Integer> confirmations(String txid) {
    throw unavailable();
  }

  @Override
  public SignedTransaction sign(WithdrawalId withdrawal, String address, Money amount, Money maxFee) {
    throw unavailable();
  }
}
