package com.dbay.dogecoin.rpc;

/**
 * Follows the node's main chain one block at a time from a saved {@link ChainPoint}, by height and
 * hash, so a watcher survives restarts and reorgs: each {@link #next} either hands over the next
 * block, says the cursor is at the tip, or says the block at the cursor left the main chain and
 * must be undone (the new cursor is its parent; call again until blocks extend the cursor).
 * Stateless: the caller persists the cursor after acting on a step.
 */
public final class BlockFollower {

  /** What to do next. */
  public sealed interface Step permits Advance, AtTip, Rollback {}

  /** {@code block} extends the cursor; after processing it the cursor is {@link #to()}. */
  public record Advance(ChainBlock block) implements Step {
    public ChainPoint to() {
      return new ChainPoint(block.height(), block.hash());
    }
  }

  /** Nothing new. */
  public record AtTip(ChainPoint tip) implements Step {}

  /**
   * The block at {@code undone} is no longer on the main chain: undo what it did, then continue
   * from {@code to}.
   */
  public record Rollback(ChainPoint undone, ChainPoint to) implements Step {}

  private final DogecoinRpcClient rpc;

  public BlockFollower(DogecoinRpcClient rpc) {
    this.rpc = rpc;
  }

  /**
   * The point to start from when nothing was saved: {@code confirmationsBack} blocks below the tip,
   * or genesis.
   */
  public ChainPoint startingPoint(long confirmationsBack) {
    long height = Math.max(0, rpc.getBlockCount() - confirmationsBack);
    return new ChainPoint(height, rpc.getBlockHash(height));
  }

  public Step next(ChainPoint cursor) {
    BlockHeaderInfo at = rpc.getBlockHeader(cursor.hash());
    if (!at.onMainChain()) {
      return new Rollback(cursor, new ChainPoint(cursor.height() - 1, at.previousBlockHash()));
    }
    if (at.nextBlockHash() == null) {
      return new AtTip(cursor);
    }
    ChainBlock next = rpc.getBlock(at.nextBlockHash());
    if (!cursor.hash().equals(next.previousBlockHash())) {
      // the chain moved between the two calls; look again
      return next(cursor);
    }
    return new Advance(next);
  }
}
