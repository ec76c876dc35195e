package com.dbay.platform.starter.events;

import com.dbay.platform.events.EventEnvelope;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS bus: one {@code PutEvents} entry per event (Source, DetailType, Detail, Time).
 * EventBridge assigns its own id, so the envelope id travels inside the detail as {@code _eventId},
 * which consumers behind EventBridge rules use to dedupe ({@link #envelopeFrom}).
 */
public class EventBridgeEventBus implements EventBus {

  public static final String EVENT_ID_FIELD = "_eventId";

  private final EventBridgeClient client;
  private final JsonMapper mapper;
  private final String busName;

  public EventBridgeEventBus(EventBridgeClient client, JsonMapper mapper, String busName) {
    this.client = client;
    this.mapper = mapper;
    this.busName = busName;
  }

  @Override
  public void publish(EventEnvelope event) {
    var detail = event.detail().deepCopy();
    if (detail instanceof tools.jackson.databind.node.ObjectNode object) {
      object.put(EVENT_ID_FIELD, event.id());
    }
    PutEventsResponse response =
        client.putEvents(
            PutEventsRequest.builder()
                .entries(
                    PutEventsRequestEntry.builder()
                        .eventBusName(busName)
                        .source(event.source())
                        .detailType(event.detailType())
                        .time(event.time())
                        .detail(mapper.writeValueAsString(detail))
                        .build())
                .build());
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      var entry = response.entries().getFirst();
      throw new IllegalStateException(
          "EventBridge refused event "
              + event.id()
              + ": "
              + entry.errorCode()
              + " "
              + entry.errorMessage());
    }
  }

  /**
   * Rebuilds our envelope from an event as EventBridge delivers it to a target (SQS, Lambda):
   * {@code {"id","source","detail-type","time","detail":{..., "_eventId"}}}.
   */
  public static EventEnvelope envelopeFrom(String eventBridgeJson, JsonMapper mapper) {
    EventEnvelope delivered = mapper.readValue(eventBridgeJson, EventEnvelope.class);
    var detail = delivered.detail().deepCopy();
    String id = delivered.id();
    if (detail instanceof tools.jackson.databind.node.ObjectNode object
        && object.has(EVENT_ID_FIELD)) {
      id = object.remove(EVENT_ID_FIELD).asString();
    }
    return new EventEnvelope(
        id, delivered.source(), delivered.detailType(), delivered.time(), detail);
  }
}
