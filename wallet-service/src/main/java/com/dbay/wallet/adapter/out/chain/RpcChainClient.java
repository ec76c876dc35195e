package com.dbay.wallet.adapter.out.chain;

import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.rpc.ChainBlock;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcException;
import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.ChainClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The wallet's view of a Dogecoin node over JSON-RPC (Dogecoin Core, or the dev node locally). Node
 * failures surface as {@link IllegalStateException}: the caller retries later, nothing was written.
 */
public class RpcChainClient implements ChainClient {

  private final DogecoinRpcClient rpc;

  public RpcChainClient(DogecoinRpcClient rpc) {
    this.rpc = rpc;
  }

  @Override
  public long tipHeight() {
    return call(rpc::getBlockCount);
  }

  @Override
  public String blockHash(long height) {
    return call(() -> rpc.getBlockHash(height));
  }

  @Override
  public List<Output> outputs(long height) {
    ChainBlock block = call(() -> rpc.getBlock(rpc.getBlockHash(height)));
    List<Output> outputs = new ArrayList<>();
    for (DecodedTransaction transaction : block.transactions()) {
      for (DecodedTransaction.Output output : transaction.outputs()) {
        if (output.address() != null && output.value() > 0) {
          outputs.add(
              new Output(
                  transaction.txid(),
                  output.index(),
                  output.address().toBase58(),
                  new Doge(output.value())));
        }
      }
    }
    return outputs;
  }

  @Override
  public String broadcast(String rawHex) {
    return call(() -> rpc.broadcast(rawHex));
  }

  @Override
  public Optional<Integer> confirmations(String txid) {
    OptionalLong confirmations = call(() -> rpc.confirmations(txid));
    return confirmations.isPresent()
        ? Optional.of((int) Math.min(Integer.MAX_VALUE, confirmations.getAsLong()))
        : Optional.empty();
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (RpcException e) {
      throw new IllegalStateException("the Dogecoin node failed: " + e.getMessage(), e);
    }
  }
}
