package com.dbay.wallet.adapter.out.chain;

import com.dbay.wallet.application.port.out.ChainClient;
import java.util.List;
import java.util.Optional;

/**
 * Stands in where no node URL is configured: deposits are not seen and withdrawal broadcasts fail
 * loudly (503) instead of pretending.
 */
public class NoDogecoinNode implements ChainClient {

  private static IllegalStateException unavailable() {
    return new IllegalStateException("no Dogecoin node or signer is configured for the wallet");
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
  public Optional<OnChainOutput> output(String txid, int vout) {
    throw unavailable();
  }
}
