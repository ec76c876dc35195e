package com.dbay.lambda.blockchainbroadcaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockchainBroadcasterHandlerTest {

    private final List<String> sent = new ArrayList<>();

    private final Broadcaster network = new Broadcaster() {
        public String broadcast(String raw) {
            sent.add(raw);
            return "txid-of-" + raw;
        }

        public long confirmations(String txid) {
            return 4;
        }
    };

    private final List<String> walletCalls = new ArrayList<>();

    private final WithdrawalWallet wallet = new WithdrawalWallet() {
        public Map<String, Object> sign(String withdrawalId) {
            walletCalls.add("sign " + withdrawalId);
            return Map.of("id", withdrawalId, "status", "SIGNED", "txid", "t1", "rawTransaction", "0100000001abcdef");
        }

        public Map<String, Object> settle(String withdrawalId, int confirmations) {
            walletCalls.add("settle " + withdrawalId + " " + confirmations);
            return Map.of("id", withdrawalId, "status", "COMPLETED", "networkFee", "0.00226000");
        }
    };

    private final BlockchainBroadcasterHandler handler = new BlockchainBroadcasterHandler(network, wallet, 5);

    @SuppressWarnings("unchecked")
    private Map<String, Object> task(String file) {
        return EventLoader.loadEvent(file, HashMap.class);
    }

    @Test
    void sign_returns_the_wallets_one_stored_transaction_and_says_who_signed_it() {
        var result = handler.handleRequest(task("events/sign.json"), null);

        assertThat(result).containsEntry("txid", "t1").containsEntry("rawTransaction", "0100000001abcdef")
                .containsEntry("signedBy", "wallet-service").containsEntry("pollSeconds", 5);
        assertThat(walletCalls).containsExactly("sign 9b2f6c1e-4a7d-4e0b-8f3a-2c5d7e9f1a3b");
        assertThat(sent).isEmpty();
    }

    @Test
    void a_withdrawal_the_wallet_has_not_signed_fails_the_sign_step() {
        WithdrawalWallet pending = new WithdrawalWallet() {
            public Map<String, Object> sign(String id) {
                return Map.of("id", id, "status", "PENDING_APPROVAL");
            }

            public Map<String, Object> settle(String id, int confirmations) {
                throw new AssertionError();
            }
        };
        assertThatThrownBy(() -> new BlockchainBroadcasterHandler(network, pending, 5).handleRequest(task("events/sign.json"), null))
                .hasMessageContaining("PENDING_APPROVAL");
    }

    @Test
    void broadcasts_exactly_the_signed_bytes_it_is_given_every_time() {
        handler.handleRequest(task("events/broadcast.json"), null);
        var again = handler.handleRequest(task("events/broadcast.json"), null);

        assertThat(again).containsEntry("txid", "txid-of-0100000001abcdef").containsEntry("withdrawalId", "W-7");
        assertThat(sent).containsExactly("0100000001abcdef", "0100000001abcdef");
        assertThat(walletCalls).isEmpty();
    }

    @Test
    void refuses_a_transaction_that_is_not_hex_and_an_unknown_action() {
        Map<String, Object> input = task("events/broadcast.json");
        input.put("rawTransaction", "not hex");
        assertThatThrownBy(() -> handler.handleRequest(input, null)).hasMessageContaining("hex");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("action", "resign"), null)).hasMessageContaining("resign");
        assertThat(sent).isEmpty();
    }

    @Test
    void reports_confirmations() {
        assertThat(handler.handleRequest(task("events/confirmations.json"), null)).containsEntry("confirmations", 4L);
    }

    @Test
    void settle_asks_the_wallet_with_the_confirmations_it_needs() {
        assertThat(handler.handleRequest(task("events/settle.json"), null)).containsEntry("status", "COMPLETED");
        assertThat(walletCalls).containsExactly("settle 9b2f6c1e-4a7d-4e0b-8f3a-2c5d7e9f1a3b 6");
    }
}
