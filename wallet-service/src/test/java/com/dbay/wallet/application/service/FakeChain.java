package com.dbay.wallet.application.service;

import com.dbay.wallet.application.port.out.ChainClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tiny best chain whose blocks can be replaced (reorgs); remembers what was broadcast. */
final class FakeChain implements ChainClient {

  record Block(String hash, List<Output> outputs) {}

  final List<Block> blocks = new ArrayList<>();
  final List<String> broadcasts = new ArrayList<>();
  final Map<String, Integer> confirmations = new HashMap<>();
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

  /** Unmined outputs the node holds in its mempool (tests of reports about them). */
  final Map<String, Output> mempool = new HashMap<>();

  @Override
  public Optional<OnChainOutput> output(String txid, int vout) {
    for (int height = 0; height < blocks.size(); height++) {
      for (Output o : blocks.get(height).outputs()) {
        if (o.txid().equals(txid) && o.vout() == vout) {
          return Optional.of(
              new OnChainOutput(
                  o.address(),
                  o.amount(),
                  blocks.get(height).hash(),
                  height,
                  blocks.size() - height));
        }
      }
    }
    Output waiting = mempool.get(txid + ":" + vout);
    return waiting == null
        ? Optional.empty()
        : Optional.of(new OnChainOutput(waiting.address(), waiting.amount(), null, -1, 0));
  }
}
