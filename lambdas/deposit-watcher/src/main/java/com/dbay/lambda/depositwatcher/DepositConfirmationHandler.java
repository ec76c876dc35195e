package com.dbay.lambda.depositwatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * DepositConfirmationWorkflow's tasks: {@code {"action": "check", "txid", "vout", "blockHash"}} →
 * {@code {"confirmations", "required", "status"}} (the wallet credits exactly once when deep
 * enough); {@code {"action": "cancel", "txid", "vout"}} → {@code {"status"}} for a deposit a reorg
 * dropped.
 */
public class DepositConfirmationHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final Chain chain;

  public DepositConfirmationHandler() {
    this(DogecoinChain.fromEnvironment());
  }

  public DepositConfirmationHandler(Chain chain) {
    this.chain = chain;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    String action =
        input == null || input.get("action") == null
            ? "check"
            : String.valueOf(input.get("action"));
    Chain.DepositRef deposit =
        new Chain.DepositRef(
            text(input, "txid"),
            vout(input),
            "cancel".equals(action) ? null : text(input, "blockHash"));
    return switch (action) {
      case "check" -> chain.check(deposit);
      case "cancel" -> chain.cancel(deposit);
      default -> throw new IllegalArgumentException("unknown action " + action);
    };
  }

  private static String text(Map<String, Object> input, String field) {
    Object v = input == null ? null : input.get(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return s;
  }

  private static int vout(Map<String, Object> input) {
    Object v = input == null ? null : input.get("vout");
    if (!(v instanceof Number n) || n.intValue() < 0) {
      throw new IllegalArgumentException("vout is required (a number ≥ 0)");
    }
    return n.intValue();
  }
}
