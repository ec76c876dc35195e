package com.dbay.search.indexing;

import com.dbay.platform.money.Doge;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the listing snapshot of the event contract ({@code ListingPublished/Changed/Ended} detail,
 * and the same shape from listing-service's internal snapshot endpoint) into the listing part of an
 * index document. Every listing-owned field is written, null when absent, so a snapshot replaces
 * the previous one whole (a removed thumbnail or Buy It Now price disappears). Prices become koinu
 * so that ranges and sorts are exact.
 */
public final class ListingDocument {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ListingDocument() {}

  /** The listing id and version of a snapshot, checked before anything is written. */
  public record Key(String listingId, long version) {}

  public static Key key(JsonNode snapshot) {
    String id = text(snapshot, "listingId");
    if (id == null || id.isBlank() || id.length() > 100) {
      throw new InvalidEvent("listing snapshot without a usable listingId");
    }
    JsonNode version = snapshot.path("version");
    if (!version.isIntegralNumber() || version.asLong() < 0) {
      throw new InvalidEvent("listing snapshot " + id + " without a non-negative integer version");
    }
    return new Key(id, version.asLong());
  }

  /**
   * Inputs of the completion field that answers suggestions: the whole title (weight 2, so
   * title-start matches rank first) and the title from each later word (weight 1, so "walk" offers
   * "Sony Walkman ..."). The index scripts drop the field while the listing is not visible.
   */
  static JsonNode completion(String title) {
    if (title == null || title.isBlank()) {
      return NODES.nullNode();
    }
    // The completion field reserves these characters.
    String t = title.replaceAll("[\\u0000\\u001e\\u001f]", " ").strip();
    ArrayNode entries = NODES.arrayNode();
    entries.addObject().put("weight", 2).putArray("input").add(t);
    ArrayNode later = NODES.arrayNode();
    for (int i = 1; i < t.length() && later.size() < MAX_LATER_WORDS; i++) {
      if (Character.isWhitespace(t.charAt(i - 1)) && !Character.isWhitespace(t.charAt(i))) {
        later.add(t.substring(i));
      }
    }
    if (!later.isEmpty()) {
      entries.addObject().put("weight", 1).set("input", later);
    }
    return entries;
  }

  /** Later words a suggestion can start from; a title's tail past that is rarely typed first. */
  private static final int MAX_LATER_WORDS = 8;

  public static ObjectNode fromSnapshot(JsonNode s) {
    Key key = key(s);
    ObjectNode doc = NODES.objectNode();
    doc.put("listingId", key.listingId());
    doc.put("sellerId", text(s, "sellerId"));
    doc.put("sellerName", text(s, "sellerName"));
    String title = text(s, "title");
    doc.put("title", title);
    doc.put("titleSuggest", title);
    doc.set("titleComplete", completion(title));
    doc.put("description", text(s, "description"));
    doc.put("categoryId", text(s, "categoryId"));
    ArrayNode path = doc.putArray("categoryPath");
    s.path("categoryPath").forEach(c -> path.add(c.asString()));
    doc.put("condition", lower(text(s, "condition")));
    doc.put("format", lower(text(s, "format")));
    doc.put("status", lower(text(s, "status")));
    doc.put("listingPriceKoinu", koinu(s, "price"));
    doc.put("startPriceKoinu", koinu(s, "startPrice"));
    doc.put("buyItNowPriceKoinu", koinu(s, "buyItNowPrice"));
    doc.put("shippingCostKoinu", koinu(s, "shippingCost"));
    JsonNode quantity = s.path("quantity");
    if (quantity.isIntegralNumber()) {
      doc.put("quantity", quantity.asInt());
    } else {
      doc.putNull("quantity");
    }
    JsonNode bids = s.path("bidCount");
    doc.put("listingBidCount", bids.isIntegralNumber() ? bids.asInt() : 0);
    doc.put("startsAt", instant(s, "startsAt"));
    doc.put("listingEndsAt", instant(s, "endsAt"));
    doc.put("createdAt", instant(s, "createdAt"));
    ArrayNode specifics = doc.putArray("itemSpecifics");
    StringBuilder specificsText = new StringBuilder();
    JsonNode given = s.path("itemSpecifics");
    if (given.isObject()) {
      for (Map.Entry<String, JsonNode> e : given.properties()) {
        // Multi-valued specifics (e.g. several colours) arrive as arrays.
        Iterable<JsonNode> values =
            e.getValue().isArray() ? e.getValue() : java.util.List.of(e.getValue());
        for (JsonNode v : values) {
          if (v.isNull() || v.isContainer()) {
            continue;
          }
          specifics.addObject().put("name", e.getKey()).put("value", v.asString());
          specificsText.append(v.asString()).append(' ');
        }
      }
    }
    doc.put("itemSpecificsText", specificsText.toString().trim());
    doc.put("thumbnailUrl", text(s, "thumbnailUrl"));
    ArrayNode shipsTo = doc.putArray("shipsTo");
    s.path("shipsTo").forEach(r -> shipsTo.add(r.asString()));
    return doc;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNull() || v.isMissingNode() ? null : v.asString();
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  /**
   * A DOGE string of the contract as koinu; absent stays null, anything malformed refuses the
   * event.
   */
  static Long koinu(JsonNode node, String field) {
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    try {
      return Doge.parse(text).koinu();
    } catch (IllegalArgumentException e) {
      throw new InvalidEvent(field + " is not a DOGE amount: " + text);
    }
  }

  static String instant(JsonNode node, String field) {
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text).toString();
    } catch (DateTimeParseException e) {
      throw new InvalidEvent(field + " is not an ISO-8601 instant: " + text);
    }
  }

  /** An event this function cannot index: retrying it will not help, so it says why. */
  public static final class InvalidEvent extends IllegalArgumentException {
    public InvalidEvent(String message) {
      super(message);
    }
  }
}
