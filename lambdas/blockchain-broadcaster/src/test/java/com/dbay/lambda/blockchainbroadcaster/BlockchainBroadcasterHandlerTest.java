package com.dbay.lambda.blockchainbroadcaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.dbay.lambda.support.NotYetImplemented;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockchainBroadcasterHandlerTest {

    private final Broadcaster network = new Broadcaster() {
        public String broadcast(String raw) {
            return "txid-of-" + raw;
        }

        public int confirmations(String txid) {
            return 4;
        }
    };

    @SuppressWarnings("unchecked")
    private Map<String, Object> task(String file) {
        return EventLoader.loadEvent(file, HashMap.class);
    }

    @Test
    void broadcasts_the_signed_transaction_it_is_given() {
        var result = new BlockchainBroadcasterHandler(network).handleRequest(task("events/broadcast.json"), null);
        assertThat(result).containsEntry("txid", "txid-of-0100000001abcdef").containsEntry("withdrawalId", "W-7");
    }

    @Test
    void refuses_a_transaction_that_is_not_hex_and_an_unknown_action() {
        var handler = new BlockchainBroadcasterHandler(network);
        Map<String, Object> input = task("events/broadcast.json");
        input.put("rawTransaction", "not hex");
        assertThatThrownBy(() -> handler.handleRequest(input, null)).hasMessageContaining("hex");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("action", "sign"), null)).hasMessageContaining("sign");
    }

    @Test
    void reports_confirmations() {
        assertThat(new BlockchainBroadcasterHandler(network).handleRequest(Map.of("action", "confirmations", "txid", "t"), null))
                .containsEntry("confirmations", 4);
    }

    @Test
    void the_runtime_constructor_fails_clearly_until_the_wallet_issue() {
        assertThatThrownBy(() -> new BlockchainBroadcasterHandler().handleRequest(task("events/broadcast.json"), null))
                .isInstanceOf(NotYetImplemented.class).hasMessageContaining("wallet issue");
    }
}
