package com.dbay.lambda.auctioncloser;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.lambda.asl.AslParser;
import com.dbay.lambda.asl.InMemoryExecutor;
import com.dbay.lambda.asl.Json;
import com.dbay.lambda.asl.StateMachine;
import com.dbay.lambda.asl.StatesError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real workflows/AuctionCloseWorkflow.asl.json, run by the ASL interpreter the local runtime
 * drives, with the real settlement handler over services that keep their idempotency promises, fed
 * the AuctionEnded event as it travels on the bus.
 */
class AuctionCloseWorkflowTest {

  private final InMemorySettlement services = new InMemorySettlement();
  private final List<JsonNode> published = new ArrayList<>();

  @Test
  void a_sold_auction_gets_one_order_its_escrow_from_the_winners_hold_and_the_others_released()
      throws Exception {
    services.sold("L-42", "alice", "bob", "150.00000000", List.of("carol", "dave"));
    services.holds.put("bob/auction-L-42", "200.00000000");
    services.holds.put("carol/auction-L-42", "120.00000000");

    InMemoryExecutor.Result run = run(new AuctionSettlementHandler(services), null);

    assertThat(run.status()).as(run.error() + ": " + run.cause()).isEqualTo("SUCCEEDED");
    assertThat(services.ordersByListing).containsOnlyKeys("L-42");
    assertThat(services.escrowsByOrder).containsOnlyKeys("order-1");
    assertThat(services.escrowsByOrder.get("order-1")).containsEntry("amount", "150.00000000");
    assertThat(services.holds)
        .containsEntry("bob/auction-L-42", "CAPTURED")
        .containsEntry("carol/auction-L-42", "0")
        .containsEntry("dave/auction-L-42", "0");
    assertThat(published)
        .extracting(e -> e.path("DetailType").asString())
        .containsExactlyInAnyOrder("AuctionWon", "ItemSold");
    assertThat(published)
        .allSatisfy(
            e -> assertThat(e.path("Detail").path("orderId").asString()).isEqualTo("order-1"));
  }

  @Test
  void an_unsold_auction_releases_every_bidders_hold_and_creates_no_order() throws Exception {
    services.unsold("L-42", "alice", List.of("bob", "carol"));
    services.holds.put("bob/auction-L-42", "90.00000000");

    InMemoryExecutor.Result run = run(new AuctionSettlementHandler(services), null);

    assertThat(run.status()).isEqualTo("SUCCEEDED");
    assertThat(services.ordersByListing).isEmpty();
    assertThat(services.escrowsByOrder).isEmpty();
    assertThat(services.holds).containsEntry("bob/auction-L-42", "0");
    assertThat(published).isEmpty();
  }

  @Test
  void a_step_that_dies_after_its_side_effect_runs_again_and_everything_still_happens_once()
      throws Exception {
    services.sold("L-42", "alice", "bob", "150.00000000", List.of("carol"));
    services.holds.put("bob/auction-L-42", "200.00000000");
    AtomicInteger crashes = new AtomicInteger();
    // Every step succeeds at its service and then "dies" before its answer is recorded, once each:
    // the executor's Retry runs it again (as the local runtime re-runs a Task without a committed
    // completion after a kill).
    Settlement dying =
        new Settlement() {
          final java.util.Set<String> died = new java.util.HashSet<>();

          private Map<String, Object> once(String step, Map<String, Object> answer) {
            if (died.add(step)) {
              crashes.incrementAndGet();
              throw new UncheckedIOException(new IOException("connection reset after " + step));
            }
            return answer;
          }

          public Map<String, Object> outcome(String l) {
            return once("outcome", services.outcome(l));
          }

          public Map<String, Object> createOrder(String l, String b, String s, String p) {
            return once("order", services.createOrder(l, b, s, p));
          }

          public Map<String, Object> fundEscrow(String l, String o, String b, String s, String a) {
            return once("escrow", services.fundEscrow(l, o, b, s, a));
          }

          public Map<String, Object> releaseHold(String l, String u) {
            return once("release", services.releaseHold(l, u));
          }
        };

    InMemoryExecutor.Result run = run(new AuctionSettlementHandler(dying), null);

    assertThat(run.status()).as(run.error() + ": " + run.cause()).isEqualTo("SUCCEEDED");
    assertThat(crashes).hasValue(4);
    assertThat(services.calls).filteredOn("order"::equals).hasSize(2);
    assertThat(services.calls).filteredOn("escrow"::equals).hasSize(2);
    assertThat(services.ordersByListing).hasSize(1);
    assertThat(services.escrowsByOrder).hasSize(1);
    assertThat(services.holds).containsEntry("bob/auction-L-42", "CAPTURED");
  }

  @Test
  void a_whole_second_execution_for_the_same_auction_changes_nothing() throws Exception {
    services.sold("L-42", "alice", "bob", "150.00000000", List.of("carol"));
    services.holds.put("bob/auction-L-42", "200.00000000");

    assertThat(run(new AuctionSettlementHandler(services), null).status()).isEqualTo("SUCCEEDED");
    InMemoryExecutor.Result again = run(new AuctionSettlementHandler(services), null);

    assertThat(again.status()).isEqualTo("SUCCEEDED");
    assertThat(services.ordersByListing).hasSize(1);
    assertThat(services.escrowsByOrder).hasSize(1);
    assertThat(services.escrowsByOrder.get("order-1")).containsEntry("amount", "150.00000000");
  }

  @Test
  void a_refusal_fails_the_execution_instead_of_retrying_forever() throws Exception {
    services.sold("L-42", "alice", "bob", "150.00000000", List.of());
    // no hold for bob: the wallet refuses the escrow (409), which no retry can change

    InMemoryExecutor.Result run = run(new AuctionSettlementHandler(services), null);

    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.error()).isEqualTo(ServiceHttp.Refused.class.getName());
    assertThat(run.visited()).containsSubsequence("CreateOrder", "FundEscrow", "SettlementFailed");
  }

  private InMemoryExecutor.Result run(AuctionSettlementHandler handler, Object unused)
      throws IOException {
    JsonNode event =
        Json.parse(
            new String(
                getClass().getResourceAsStream("/events/auction-ended.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
    return new InMemoryExecutor(
            (resource, payload, context) -> {
              if (resource.equals("arn:aws:states:::events:putEvents")) {
                payload.path("Entries").forEach(published::add);
                return Json.NODES.objectNode().put("FailedEntryCount", 0);
              }
              assertThat(resource).endsWith(":function:auction-settlement");
              try {
                @SuppressWarnings("unchecked")
                Map<String, Object> input = Json.MAPPER.convertValue(payload, Map.class);
                return Json.toNode(handler.handleRequest(input, null));
              } catch (RuntimeException e) {
                // As the local runtime and Lambda report a function's exception.
                throw new StatesError(e.getClass().getName(), String.valueOf(e.getMessage()));
              }
            },
            Instant.parse("2026-11-24T01:00:02Z"))
        .maxSteps(1_000)
        .run(machine(), event);
  }

  private static StateMachine machine() throws IOException {
    return AslParser.parse(
        Files.readString(Path.of("../../workflows/AuctionCloseWorkflow.asl.json"))
            .replace(
                "${AuctionSettlementFunctionArn}",
                "arn:aws:lambda:local:000000000000:function:auction-settlement")
            .replace("${EventBusName}", "dbay"));
  }
}
