package com.dbay.wallet.application.service;

import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.application.port.out.TransactionSigner;
import com.dbay.wallet.domain.Money;
import com.dbay.wallet.domain.WithdrawalId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tiny best chain whose blocks can be replaced (reorgs), plus a signer that counts signatures. */
final class FakeChain implements ChainClient, TransactionSigner {

  record Block(String hash, List<Output> outputs) {}

  final List<Block> blocks = new ArrayList<>();
  final List<String> broadcasts = new ArrayList<>();
  final Map<String, Integer> confirmations = new HashMap<>();
  int signatures;
  private int hashes;

  FakeChain() {
    mine();
  }

  /** Appends a block with these outputs; returns its height. */
  long mine(Output... outputs) {
    blocks.add(new Block("block-" + (++hashes), List.of(outputs)));
    return blocks.size() - 1;
  }

  /** Drops every block from {@code height} up: the start of a reorg. */
  void reorgFrom(long height) {
    while (blocks.size() > height) {
      blocks.remove(blocks.size() - 1);
    }
  }

  @Override
  public long tipHeight() {
    return blocks.size() - 1;
  }

  @Override
  public String blockHash(long height) {
    return blocks.get((int) height).hash();
  }

  @Override
  public List<Output> outputs(long height) {
    return blocks.get((int) height).outputs();
  }

  @Override
  public String broadcast(String rawHex) {
    broadcasts.add(rawHex);
    return "txid-of-" + rawHex;
  }

  @Override
  public Optional<Integer> confirmations(String txid) {
    return Optional.ofNullable(confirmations.get(txid));
  }

  @Override
  public SignedTransaction sign(WithdrawalId withdrawal, String address, Money amount, Money maxFee) {
    signatures++;
    return new SignedTransaction("tx-" + signatures, "raw-" + signatures, Money.ofKoinu(226_000));
  }
}
