package com.dbay.lambda.blockchainbroadcaster;

import com.dbay.dogecoin.rpc.DogecoinRpcClient;

/**
 * The Dogecoin network side. Broadcasting the same signed transaction again is harmless (same
 * txid).
 */
public interface Broadcaster {

  /**
   * @return the transaction id
   */
  String broadcast(String rawTransactionHex);

  /** 0 while in the mempool or unknown. */
  long confirmations(String txid);

  /**
   * {@code sendrawtransaction} through the node's JSON-RPC API; "already in chain / mempool" counts
   * as sent, so a retry after a timeout (which may have reached the node) re-sends the same bytes
   * safely.
   */
  static Broadcaster rpc(DogecoinRpcClient rpc) {
    return new Broadcaster() {
      public String broadcast(String rawTransactionHex) {
        return rpc.broadcast(rawTransactionHex);
      }

      public long confirmations(String txid) {
        return rpc.confirmations(txid).orElse(0);
      }
    };
  }
}
