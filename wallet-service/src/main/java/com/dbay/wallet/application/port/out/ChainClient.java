package com.dbay.wallet.application.port.out;

import com.dbay.platform.money.Doge;
import java.util.List;
import java.util.Optional;

/** What the wallet asks of a Dogecoin node. */
public interface ChainClient {

  long tipHeight();

  /** The hash of the best chain's block at that height. */
  String blockHash(long height);

  /** Outputs paying to any address in the block at that height of the best chain. */
  List<Output> outputs(long height);

  /**
   * Sends raw transaction bytes. Sending bytes the node already knows is a success (a retry), so
   * the same transaction may be sent any number of times.
   */
  String broadcast(String rawHex);

  /** Confirmations of a transaction in the best chain; empty when it is not in it. */
  Optional<Integer> confirmations(String txid);

  /**
   * What the node itself says about one output of a transaction: whom it pays, how much, and where
   * it is mined ({@code blockHash} null while the transaction waits in the mempool). Empty when the
   * node does not know the transaction or it has no such output. Spent outputs are still found: a
   * credited deposit is spent by a withdrawal later, and its record stays checkable.
   */
  Optional<OnChainOutput> output(String txid, int vout);

  record Output(String txid, int vout, String address, Doge amount) {}

  /** One output as the node sees it now; {@code address} null for scripts that pay no address. */
  record OnChainOutput(
      String address, Doge amount, String blockHash, long blockHeight, int confirmations) {

    public boolean mined() {
      return blockHash != null;
    }
  }
}
