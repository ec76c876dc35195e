package com.dbay.lambda.depositwatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.dbay.lambda.support.NotYetImplemented;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepositWatcherHandlerTest {

    private final ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled-event.json");

    private final Chain chain = new Chain() {
        public Map<String, Object> followTip() {
            return Map.of("height", 1200, "hash", "abc");
        }

        public Map<String, Object> confirmations(String depositId) {
            return Map.of("depositId", depositId, "confirmations", 6, "required", 6, "status", "CONFIRMED");
        }
    };

    @Test
    void each_scheduled_firing_follows_the_chain_tip() {
        assertThat(new DepositWatcherHandler(chain).handleRequest(event, null)).containsEntry("height", 1200);
    }

    @Test
    void the_confirmation_task_reports_the_deposit_state_and_needs_a_deposit_id() {
        var handler = new DepositConfirmationHandler(chain);
        assertThat(handler.handleRequest(Map.of("depositId", "D1"), null)).containsEntry("status", "CONFIRMED");
        assertThatThrownBy(() -> handler.handleRequest(Map.of("depositId", " "), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_runtime_constructors_fail_clearly_until_the_wallet_issue() {
        assertThatThrownBy(() -> new DepositWatcherHandler().handleRequest(event, null))
                .isInstanceOf(NotYetImplemented.class).hasMessageContaining("wallet issue");
        assertThatThrownBy(() -> new DepositConfirmationHandler().handleRequest(Map.of("depositId", "D1"), null))
                .isInstanceOf(NotYetImplemented.class).hasMessageContaining("wallet issue");
    }
}
