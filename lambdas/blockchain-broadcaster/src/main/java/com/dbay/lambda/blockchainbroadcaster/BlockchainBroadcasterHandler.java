package com.dbay.lambda.blockchainbroadcaster;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.SignedTransaction;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcConfig;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * WithdrawalWorkflow's tasks. This function is the only holder of the wallet's private keys (the
 * seed from {@link SeedSource}: Secrets Manager in AWS, an environment variable or a file locally);
 * the wallet-service plans from its watch-only xpub and keeps the one signed transaction.
 *
 * <ul>
 *   <li>{@code {"action": "sign", "withdrawalId"}} → {@code {"withdrawalId", "txid",
 *       "rawTransaction", "signedBy", "pollSeconds", "stuckAfterPolls"}}: fetches the wallet's plan
 *       (made once), signs exactly it and submits the signature; the wallet keeps the first
 *       matching one. Once a signature is stored, a repeat returns the stored bytes without signing
 *       again.
 *   <li>{@code {"action": "broadcast", "withdrawalId", "rawTransaction"}} → {@code {"withdrawalId",
 *       "txid"}}: sends exactly the bytes it is given; a retry sends the same bytes again, never a
 *       new signature.
 *   <li>{@code {"action": "confirmations", "txid"}} → {@code {"txid", "confirmations"}}.
 *   <li>{@code {"action": "stuck", "withdrawalId", "unconfirmedPolls"}} → {@code {"withdrawalId",
 *       "status"}}: the transaction has had no confirmation for that many block intervals; the
 *       wallet flags it STUCK once.
 *   <li>{@code {"action": "settle", "withdrawalId", "confirmations"}} → the wallet's withdrawal
 *       (status COMPLETED once settled, exactly once).
 * </ul>
 */
public class BlockchainBroadcasterHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private static final Logger log = Logger.getLogger(BlockchainBroadcasterHandler.class.getName());

  /**
   * How often to look at the confirmations, and after how many looks at zero a withdrawal counts as
   * stuck.
   */
  public record Settings(int pollSeconds, int stuckAfterPolls, DogecoinNetwork network) {
    public Settings {
      // 0 s polls are fine (a dev chain that mines on request); a withdrawal is never stuck after 0
      // polls
      if (pollSeconds < 0 || stuckAfterPolls < 1) {
        throw new IllegalArgumentException("pollSeconds must be >= 0 and stuckAfterPolls >= 1");
      }
    }
  }

  private final Broadcaster broadcaster;
  private final WithdrawalWallet wallet;
  private final WithdrawalSigner signer;
  private final Settings settings;

  public BlockchainBroadcasterHandler() {
    this(DogecoinNetwork.of(env("DBAY_DOGE_NETWORK", "regtest")));
  }

  private BlockchainBroadcasterHandler(DogecoinNetwork network) {
    this(
        Broadcaster.rpc(
            new DogecoinRpcClient(
                RpcConfig.of(
                    env("DBAY_DOGE_RPC_URL", "http://127.0.0.1:22555/"),
                    env("DBAY_DOGE_RPC_USER", "dbay"),
                    env("DBAY_DOGE_RPC_PASSWORD", "dbay"),
                    network))),
        new HttpWithdrawalWallet(
            env("DBAY_WALLET_URL", "http://127.0.0.1:8003"),
            com.dbay.platform.servicecall.ServiceCallSigner.fromEnvironment(
                HttpWithdrawalWallet.CALLER)),
        WithdrawalSigner.fromSeed(SeedSource::fromEnvironment, network),
        new Settings(
            Integer.parseInt(
                env("DBAY_WITHDRAWAL_POLL_SECONDS", env("DBAY_BLOCK_INTERVAL_SECONDS", "60"))),
            Integer.parseInt(env("DBAY_WITHDRAWAL_STUCK_AFTER_BLOCKS", "60")),
            network));
  }

  public BlockchainBroadcasterHandler(
      Broadcaster broadcaster,
      WithdrawalWallet wallet,
      WithdrawalSigner signer,
      Settings settings) {
    this.broadcaster = broadcaster;
    this.wallet = wallet;
    this.signer = signer;
    this.settings = settings;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    String action = text(input, "action");
    Map<String, Object> result = new LinkedHashMap<>();
    switch (action) {
      case "sign" -> {
        String id = text(input, "withdrawalId");
        Map<String, Object> signed = sign(id);
        result.put("withdrawalId", id);
        result.put("txid", signed.get("txid"));
        result.put("rawTransaction", signed.get("rawTransaction"));
        result.put("signedBy", "blockchain-broadcaster");
        result.put("pollSeconds", settings.pollSeconds());
        result.put("stuckAfterPolls", settings.stuckAfterPolls());
      }
      case "broadcast" -> {
        String raw = text(input, "rawTransaction");
        try {
          HexFormat.of().parseHex(raw);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("rawTransaction must be hex", e);
        }
        result.put("withdrawalId", text(input, "withdrawalId"));
        result.put("txid", broadcaster.broadcast(raw));
      }
      case "confirmations" -> {
        String txid = text(input, "txid");
        result.put("txid", txid);
        result.put("confirmations", broadcaster.confirmations(txid));
      }
      case "stuck" -> {
        String id = text(input, "withdrawalId");
        int polls = input.get("unconfirmedPolls") instanceof Number n ? n.intValue() : 0;
        Map<String, Object> flagged = wallet.flagStuck(id, polls);
        log.warning(
            "withdrawal "
                + id
                + " flagged "
                + flagged.get("status")
                + ": no confirmation after "
                + polls
                + " block intervals");
        result.put("withdrawalId", id);
        result.put("status", flagged.get("status"));
      }
      case "settle" -> {
        Object confirmations = input.get("confirmations");
        if (!(confirmations instanceof Number n) || n.intValue() < 1) {
          throw new IllegalArgumentException("confirmations is required (≥ 1)");
        }
        Map<String, Object> settled = wallet.settle(text(input, "withdrawalId"), n.intValue());
        result.put("withdrawalId", settled.get("id"));
        result.put("status", settled.get("status"));
        result.put("networkFee", settled.get("networkFee"));
      }
      default -> throw new IllegalArgumentException("unknown action " + action);
    }
    return result;
  }

  /**
   * The withdrawal's one signed transaction: the stored one if the wallet has it, else the plan
   * signed here and submitted. Signing is deterministic (same plan, same bytes), so a retry after a
   * lost answer submits the same transaction again; should the wallet hold another one, it is the
   * one returned.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> sign(String id) {
    Map<String, Object> planned = wallet.plan(id);
    if (hasTransaction(planned)) {
      return planned;
    }
    if (!(planned.get("plan") instanceof Map<?, ?> plan)) {
      throw new IllegalStateException(
          "withdrawal " + id + " has no plan to sign (status " + planned.get("status") + ")");
    }
    SignedTransaction signed =
        signer.signAsPlanned(
            PlannedTransaction.from((Map<String, Object>) plan, settings.network()));
    Map<String, Object> stored;
    try {
      stored = wallet.recordSignature(id, signed.rawHex());
    } catch (WithdrawalWallet.Conflict another) {
      stored = wallet.plan(id);
    }
    if (!hasTransaction(stored)) {
      throw new IllegalStateException(
          "the wallet kept no signed transaction for withdrawal "
              + id
              + " (status "
              + stored.get("status")
              + ")");
    }
    return stored;
  }

  private static boolean hasTransaction(Map<String, Object> withdrawal) {
    return withdrawal.get("rawTransaction") instanceof String raw && !raw.isBlank();
  }

  private static String text(Map<String, Object> input, String field) {
    Object v = input == null ? null : input.get(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return s;
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
