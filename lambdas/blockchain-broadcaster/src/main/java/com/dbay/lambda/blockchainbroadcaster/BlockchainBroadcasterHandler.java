package com.dbay.lambda.blockchainbroadcaster;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WithdrawalWorkflow's tasks: {@code {"action": "broadcast", "withdrawalId", "rawTransaction"}} →
 * {@code {"txid"}}; {@code {"action": "confirmations", "txid"}} → {@code {"txid", "confirmations"}}.
 * The signed transaction comes from the wallet; this function never signs, so a re-broadcast can only
 * ever send the same transaction.
 */
public class BlockchainBroadcasterHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Broadcaster broadcaster;

    public BlockchainBroadcasterHandler() {
        this(Broadcaster.notYetImplemented());
    }

    public BlockchainBroadcasterHandler(Broadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String action = text(input, "action");
        Map<String, Object> result = new LinkedHashMap<>();
        switch (action) {
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
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
        return result;
    }

    private static String text(Map<String, Object> input, String field) {
        Object v = input == null ? null : input.get(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return s;
    }
}
