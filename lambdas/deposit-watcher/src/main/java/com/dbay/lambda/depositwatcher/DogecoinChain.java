package com.dbay.lambda.depositwatcher;

import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.rpc.BlockFollower;
import com.dbay.dogecoin.rpc.BlockHeaderInfo;
import com.dbay.dogecoin.rpc.ChainPoint;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcConfig;
import com.dbay.dogecoin.rpc.RpcErrorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Deposits from a Dogecoin Core JSON-RPC node. Holds no keys: which outputs are deposits is decided
 * by the wallet (the deposits endpoint answers 204 for any address that is not a user's deposit
 * address).
 *
 * <p>{@link #followTip()} walks block by block from the saved cursor (height + hash) with {@link
 * BlockFollower}, records every output of every block, starts one DepositConfirmationWorkflow per
 * (txid, vout, block) that is pending, and saves the cursor after each block: a restart continues
 * at the next block; a crash between a block's deposits and its cursor repeats only that block,
 * which the wallet and StartExecution absorb. A block that left the main chain is rolled back
 * (cursor to its parent); its deposits' workflows find them DROPPED.
 */
public final class DogecoinChain implements Chain {

  private static final System.Logger log = System.getLogger(DogecoinChain.class.getName());

  private final DogecoinRpcClient rpc;
  private final BlockFollower follower;
  private final WalletDeposits wallet;
  private final CursorStore cursor;
  private final WorkflowStarter workflows;
  private final Settings settings;

  /**
   * @param startBack blocks below the tip to start at when no cursor was saved
   * @param maxBlocksPerRun at most this many blocks per firing (the next firing continues)
   * @param pollSeconds the workflow's wait between confirmation checks (the block interval)
   */
  public record Settings(long startBack, int maxBlocksPerRun, int pollSeconds) {}

  public DogecoinChain(
      DogecoinRpcClient rpc,
      WalletDeposits wallet,
      CursorStore cursor,
      WorkflowStarter workflows,
      Settings settings) {
    this.rpc = rpc;
    this.follower = new BlockFollower(rpc);
    this.wallet = wallet;
    this.cursor = cursor;
    this.workflows = workflows;
    this.settings = settings;
  }

  /** From the environment (the Lambda runtime's no-arg constructors). */
  public static DogecoinChain fromEnvironment() {
    return fromEnvironment(
        new StepFunctionsHttpStarter(
            env("DBAY_SFN_ENDPOINT", "http://127.0.0.1:8020/"),
            env(
                "DBAY_DEPOSIT_WORKFLOW_ARN",
                "arn:aws:states:local:000000000000:stateMachine:DepositConfirmationWorkflow")));
  }

  /**
   * From the environment, starting workflows with {@code starter} (the local runtime passes its
   * executor).
   */
  public static DogecoinChain fromEnvironment(WorkflowStarter starter) {
    DogecoinRpcClient rpc =
        new DogecoinRpcClient(
            RpcConfig.of(
                env("DBAY_DOGE_RPC_URL", "http://127.0.0.1:22555/"),
                env("DBAY_DOGE_RPC_USER", "dbay"),
                env("DBAY_DOGE_RPC_PASSWORD", "dbay"),
                DogecoinNetwork.of(env("DBAY_DOGE_NETWORK", "regtest"))));
    WalletDeposits wallet =
        new HttpWalletDeposits(
            env("DBAY_WALLET_URL", "http://127.0.0.1:8003"),
            com.dbay.platform.servicecall.ServiceCallSigner.fromEnvironment(
                HttpWalletDeposits.CALLER));
    CursorStore cursor =
        CursorStore.file(
            Path.of(env("DBAY_DEPOSIT_WATCHER_CURSOR", ".dbay/deposit-watcher.cursor")));
    return new DogecoinChain(rpc, wallet, cursor, starter, settingsFromEnvironment());
  }

  /**
   * The confirmation checks run every half block interval by default: a deposit is then credited at
   * most about half a block after it reaches its tier (the goal is one block), where checking once
   * per block let it slip to a whole interval.
   */
  public static Settings settingsFromEnvironment() {
    int blockSeconds = Integer.parseInt(env("DBAY_BLOCK_INTERVAL_SECONDS", "60"));
    return new Settings(
        Long.parseLong(env("DBAY_DEPOSIT_WATCHER_START_BACK", "100")),
        Integer.parseInt(env("DBAY_DEPOSIT_WATCHER_MAX_BLOCKS", "500")),
        Integer.parseInt(
            env("DBAY_DEPOSIT_POLL_SECONDS", Integer.toString(Math.max(1, blockSeconds / 2)))));
  }

  @Override
  public Map<String, Object> followTip() {
    ChainPoint at =
        cursor
            .load()
            .filter(this::knownToTheNode)
            .orElseGet(() -> follower.startingPoint(settings.startBack()));
    int blocks = 0;
    int deposits = 0;
    int rolledBack = 0;
    while (blocks + rolledBack < settings.maxBlocksPerRun()) {
      BlockFollower.Step step = follower.next(at);
      if (step instanceof BlockFollower.AtTip) {
        break;
      }
      if (step instanceof BlockFollower.Rollback rollback) {
        at = rollback.to();
        rolledBack++;
      } else if (step instanceof BlockFollower.Advance advance) {
        deposits +=
            record(
                advance.block().hash(), advance.block().height(), advance.block().transactions());
        at = advance.to();
        blocks++;
      }
      cursor.save(at);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("height", at.height());
    result.put("hash", at.hash());
    result.put("blocks", blocks);
    result.put("deposits", deposits);
    result.put("rolledBack", rolledBack);
    return result;
  }

  /**
   * A cursor from another chain (the dev chain was reset) is unknown to the node: start afresh
   * rather than stall.
   */
  private boolean knownToTheNode(ChainPoint point) {
    try {
      rpc.getBlockHeader(point.hash());
      return true;
    } catch (RpcErrorException e) {
      if (e.isNotFound()) {
        log.log(
            System.Logger.Level.WARNING,
            "saved cursor "
                + point
                + " is unknown to the node (a new chain?); starting again "
                + settings.startBack()
                + " blocks below the tip");
        return false;
      }
      throw e;
    }
  }

  private int record(
      String blockHash, long height, java.util.List<DecodedTransaction> transactions) {
    int found = 0;
    for (int i = 0; i < transactions.size(); i++) {
      DecodedTransaction tx = transactions.get(i);
      if (i == 0 && !tx.inputs().isEmpty() && tx.inputs().get(0).coinbase()) {
        continue; // the block reward (the dev node's faucet transactions look like coinbases too,
        // but never come first)
      }
      for (DecodedTransaction.Output output : tx.outputs()) {
        if (output.address() == null || output.value() <= 0) {
          continue;
        }
        var deposit =
            wallet.seen(
                tx.txid(),
                output.index(),
                output.address().toBase58(),
                output.value(),
                blockHash,
                height);
        if (deposit.isPresent() && "PENDING".equals(deposit.get().get("status"))) {
          found++;
          workflows.start(
              executionName(tx.txid(), output.index(), blockHash),
              input(tx.txid(), output.index(), blockHash, height, deposit.get()));
        }
      }
    }
    return found;
  }

  /**
   * One execution per (txid, vout, block): a re-mined deposit gets a fresh one; names are ≤ 80
   * characters.
   */
  static String executionName(String txid, int vout, String blockHash) {
    return "deposit-"
        + UUID.nameUUIDFromBytes(
            (txid + ":" + vout + "@" + blockHash).getBytes(StandardCharsets.UTF_8));
  }

  private String input(
      String txid, int vout, String blockHash, long height, Map<String, Object> deposit) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("txid", txid);
    input.put("vout", vout);
    input.put("blockHash", blockHash);
    input.put("blockHeight", height);
    input.put("userId", deposit.get("userId"));
    input.put("requiredConfirmations", deposit.get("requiredConfirmations"));
    input.put("pollSeconds", settings.pollSeconds());
    return HttpJson.JSON.writeValueAsString(input);
  }

  @Override
  public Map<String, Object> check(DepositRef deposit) {
    BlockHeaderInfo header = rpc.getBlockHeader(deposit.blockHash());
    Map<String, Object> result = new LinkedHashMap<>();
    if (!header.onMainChain()) {
      OptionalLong elsewhere = rpc.confirmations(deposit.txid());
      result.put("confirmations", 0);
      result.put(
          "status", elsewhere.isPresent() && elsewhere.getAsLong() > 0 ? "MOVED" : "DROPPED");
      return result;
    }
    Map<String, Object> view =
        wallet.confirmations(deposit.txid(), deposit.vout(), header.confirmations());
    result.put("confirmations", header.confirmations());
    result.put("required", view.get("requiredConfirmations"));
    result.put("status", view.get("status"));
    return result;
  }

  @Override
  public Map<String, Object> cancel(DepositRef deposit) {
    Map<String, Object> view = wallet.cancel(deposit.txid(), deposit.vout());
    return Map.of("status", String.valueOf(view.get("status")));
  }

  /**
   * NAME, or the content of the file NAME_FILE (how ./dbay passes secrets: never as values on a
   * command line).
   */
  private static String env(String name, String fallback) {
    String file = System.getenv(name + "_FILE");
    if (file != null && !file.isBlank()) {
      try {
        return java.nio.file.Files.readString(java.nio.file.Path.of(file.strip())).strip();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read " + name + "_FILE " + file, e);
      }
    }
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
