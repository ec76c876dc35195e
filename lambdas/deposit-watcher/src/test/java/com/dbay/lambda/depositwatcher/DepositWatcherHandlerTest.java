package com.dbay.lambda.depositwatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DepositWatcherHandlerTest {

  private final ScheduledEvent event =
      EventLoader.loadScheduledEvent("events/scheduled-event.json");
  private final List<String> calls = new ArrayList<>();

  private final Chain chain =
      new Chain() {
        public Map<String, Object> followTip() {
          return Map.of("height", 1200, "hash", "abc");
        }

        public Map<String, Object> check(DepositRef deposit) {
          calls.add("check " + deposit);
          return Map.of("confirmations", 6, "required", 6, "status", "CREDITED");
        }

        public Map<String, Object> cancel(DepositRef deposit) {
          calls.add("cancel " + deposit);
          return Map.of("status", "CANCELLED");
        }
      };

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(String name) throws Exception {
    try (InputStream in = DepositWatcherHandlerTest.class.getResourceAsStream("/events/" + name)) {
      return new HashMap<>(JsonMapper.builder().build().readValue(in, Map.class));
    }
  }

  @Test
  void each_scheduled_firing_follows_the_chain_tip() {
    assertThat(new DepositWatcherHandler(chain).handleRequest(event, null))
        .containsEntry("height", 1200);
  }

  @Test
  void the_check_task_reports_the_deposit_as_the_wallet_sees_it_in_its_block() throws Exception {
    var result =
        new DepositConfirmationHandler(chain).handleRequest(load("check-confirmations.json"), null);

    assertThat(result).containsEntry("status", "CREDITED");
    assertThat(calls)
        .singleElement()
        .asString()
        .startsWith("check DepositRef[txid=5f1c0ba4")
        .contains("vout=1", "blockHash=0c2a7e5b");
  }

  @Test
  void the_cancel_task_cancels_by_txid_and_vout() throws Exception {
    assertThat(
            new DepositConfirmationHandler(chain).handleRequest(load("cancel-deposit.json"), null))
        .containsEntry("status", "CANCELLED");
    assertThat(calls).singleElement().asString().startsWith("cancel DepositRef[txid=5f1c0ba4");
  }

  @Test
  void a_check_without_its_block_or_output_is_refused() throws Exception {
    var handler = new DepositConfirmationHandler(chain);
    Map<String, Object> noBlock = load("check-confirmations.json");
    noBlock.remove("blockHash");
    Map<String, Object> noVout = load("check-confirmations.json");
    noVout.remove("vout");

    assertThatThrownBy(() -> handler.handleRequest(noBlock, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blockHash");
    assertThatThrownBy(() -> handler.handleRequest(noVout, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vout");
    assertThat(calls).isEmpty();
  }

  @Test
  void execution_names_differ_per_block_so_a_re_mined_deposit_gets_its_own_workflow() {
    String a = DogecoinChain.executionName("ab".repeat(32), 0, "11".repeat(32));
    assertThat(a)
        .hasSizeLessThanOrEqualTo(80)
        .isEqualTo(DogecoinChain.executionName("ab".repeat(32), 0, "11".repeat(32)));
    assertThat(DogecoinChain.executionName("ab".repeat(32), 0, "22".repeat(32))).isNotEqualTo(a);
  }
}
