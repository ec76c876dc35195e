package com.dbay.platform.starter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.dbay.platform.events.EventEnvelope;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class EventBridgeEventBusTest {

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final EventBridgeClient client = mock(EventBridgeClient.class);
  private final EventBridgeEventBus bus = new EventBridgeEventBus(client, mapper, "dbay");
  private final EventEnvelope event =
      new EventEnvelope(
          "e-1",
          "dbay.auction",
          "BidPlaced",
          Instant.parse("2026-11-24T01:00:00Z"),
          JsonNodeFactory.instance.objectNode().put("listingId", "L1"));

  @Test
  void putsOneEntryWithSourceDetailTypeAndTheEnvelopeIdInTheDetail() {
    when(client.putEvents(any(PutEventsRequest.class)))
        .thenReturn(PutEventsResponse.builder().failedEntryCount(0).build());

    bus.publish(event);

    ArgumentCaptor<PutEventsRequest> sent = ArgumentCaptor.forClass(PutEventsRequest.class);
    verify(client).putEvents(sent.capture());
    var entry = sent.getValue().entries().getFirst();
    assertThat(entry.eventBusName()).isEqualTo("dbay");
    assertThat(entry.source()).isEqualTo("dbay.auction");
    assertThat(entry.detailType()).isEqualTo("BidPlaced");
    assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
    assertThat(entry.detail()).isEqualTo("{\"listingId\":\"L1\",\"_eventId\":\"e-1\"}");
  }

  @Test
  void aRefusedEntryIsAFailureSoTheRelayRetriesIt() {
    when(client.putEvents(any(PutEventsRequest.class)))
        .thenReturn(
            PutEventsResponse.builder()
                .failedEntryCount(1)
                .entries(
                    PutEventsResultEntry.builder()
                        .errorCode("ThrottlingException")
                        .errorMessage("slow down")
                        .build())
                .build());

    assertThatThrownBy(() -> bus.publish(event)).hasMessageContaining("ThrottlingException");
  }

  @Test
  void rebuildsOurEnvelopeFromWhatEventBridgeDelivers() {
    String delivered =
        "{\"version\":\"0\",\"id\":\"eb-generated\",\"detail-type\":\"BidPlaced\",\"source\":\"dbay.auction\","
            + "\"account\":\"1\",\"time\":\"2026-11-24T01:00:00Z\",\"region\":\"eu-west-1\",\"resources\":[],"
            + "\"detail\":{\"listingId\":\"L1\",\"_eventId\":\"e-1\"}}";

    EventEnvelope rebuilt =
        EventBridgeEventBus.envelopeFrom(
            delivered,
            JsonMapper.builder()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());

    assertThat(rebuilt).isEqualTo(event);
  }
}
