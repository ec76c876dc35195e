package com.dbay.wallet.adapter.out.chain;

import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.rpc.BlockHeaderInfo;
import com.dbay.dogecoin.rpc.ChainBlock;
import com.dbay.dogecoin.rpc.ChainTransaction;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcErrorException;
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

  /**
   * {@code getrawtransaction txid true} (a real node needs {@code -txindex=1}, as for {@link
   * #confirmations}) and the header of its block for the height: the output as the node sees it.
   */
  @Override
  public Optional<OnChainOutput> output(String txid, int vout) {
    ChainTransaction found;
    try {
      found = rpc.getRawTransaction(txid);
    } catch (RpcErrorException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw new IllegalStateException("the Dogecoin node failed: " + e.getMessage(), e);
    } catch (RpcException e) {
      throw new IllegalStateException("the Dogecoin node failed: " + e.getMessage(), e);
    } catch (IllegalArgumentException malformedTxid) {
      return Optional.empty();
    }
    Optional<DecodedTransaction.Output> output =
        found.transaction().outputs().stream().filter(o -> o.index() == vout).findFirst();
    if (output.isEmpty()) {
      return Optional.empty();
    }
    String address = output.get().address() == null ? null : output.get().address().toBase58();
    Doge amount = new Doge(output.get().value());
    if (found.blockHash() == null) {
      return Optional.of(new OnChainOutput(address, amount, null, -1, 0));
    }
    BlockHeaderInfo block = call(() -> rpc.getBlockHeader(found.blockHash()));
    if (!block.onMainChain()) {
      // mined in a block a reorg replaced: as good as unmined
      return Optional.of(new OnChainOutput(address, amount, null, -1, 0));
    }
    return Optional.of(
        new OnChainOutput(
            address,
            amount,
            block.hash(),
            block.height(),
            (int) Math.min(Integer.MAX_VALUE, Math.max(0, block.confirmations()))));
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (RpcException e) {
      throw new IllegalStateException("the Dogecoin node failed: " + e.getMessage(), e);
    }
  }
}
