package com.dbay.lambda.blockchainbroadcaster;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcConfig;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WithdrawalWorkflow's tasks:
 * <ul>
 * <li>{@code {"action": "sign", "withdrawalId"}} → {@code {"withdrawalId", "txid", "rawTransaction", "signedBy", "pollSeconds"}}:
 * the withdrawal's one signed transaction, stored before anything is broadcast. This function holds no keys
 * here: it asks the wallet-service, which signs once ({@code DBAY_WALLET_SIGNING=true}, the local stack) and
 * returns the stored transaction on every repeat ({@code "signedBy": "wallet-service"}). In AWS signing belongs
 * here with the seed from Secrets Manager; that path is not written, and the wallet's answer would say so.</li>
 * <li>{@code {"action": "broadcast", "withdrawalId", "rawTransaction"}} → {@code {"withdrawalId", "txid"}}: sends
 * exactly the bytes it is given; a retry sends the same bytes again, never a new signature.</li>
 * <li>{@code {"action": "confirmations", "txid"}} → {@code {"txid", "confirmations"}}.</li>
 * <li>{@code {"action": "settle", "withdrawalId", "confirmations"}} → the wallet's withdrawal (status COMPLETED once
 * settled, exactly once).</li>
 * </ul>
 */
public class BlockchainBroadcasterHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Broadcaster broadcaster;
    private final WithdrawalWallet wallet;
    private final int pollSeconds;

    public BlockchainBroadcasterHandler() {
        this(Broadcaster.rpc(new DogecoinRpcClient(RpcConfig.of(env("DBAY_DOGE_RPC_URL", "http://127.0.0.1:22555/"),
                env("DBAY_DOGE_RPC_USER", "dbay"), env("DBAY_DOGE_RPC_PASSWORD", "dbay"), DogecoinNetwork.of(env("DBAY_DOGE_NETWORK", "regtest"))))),
                new HttpWithdrawalWallet(env("DBAY_WALLET_URL", "http://127.0.0.1:8003"), env("DBAY_WALLET_INTERNAL_TOKEN", "")),
                Integer.parseInt(env("DBAY_WITHDRAWAL_POLL_SECONDS", env("DBAY_BLOCK_INTERVAL_SECONDS", "60"))));
    }

    public BlockchainBroadcasterHandler(Broadcaster broadcaster, WithdrawalWallet wallet, int pollSeconds) {
        this.broadcaster = broadcaster;
        this.wallet = wallet;
        this.pollSeconds = pollSeconds;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String action = text(input, "action");
        Map<String, Object> result = new LinkedHashMap<>();
        switch (action) {
            case "sign" -> {
                String id = text(input, "withdrawalId");
                Map<String, Object> signed = wallet.sign(id);
                if (!(signed.get("rawTransaction") instanceof String raw) || raw.isBlank()) {
                    throw new IllegalStateException("withdrawal " + id + " has no signed transaction (status " + signed.get("status") + ")");
                }
                result.put("withdrawalId", id);
                result.put("txid", signed.get("txid"));
                result.put("rawTransaction", raw);
                result.put("signedBy", "wallet-service");
                result.put("pollSeconds", pollSeconds);
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

    private static String text(Map<String, Object> input, String field) {
        Object v = input == null ? null : input.get(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return s;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
