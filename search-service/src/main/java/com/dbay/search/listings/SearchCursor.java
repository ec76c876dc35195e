package com.dbay.search.listings;

import com.dbay.search.indexing.OpenSearchHttp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The opaque {@code nextCursor}: the last hit's sort values (for {@code search_after}) bound to the
 * search they came from, signed with HMAC-SHA256. A cursor that was altered, comes from another
 * search or another sort, or carries values of the wrong shape is refused with 400 before anything
 * reaches OpenSearch.
 */
public final class SearchCursor {

  private final SecretKeySpec key;

  public SearchCursor(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  public String encode(SearchRequest request, JsonNode sortValues) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("h", hash(request));
    payload.set("a", sortValues);
    String body =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                OpenSearchHttp.JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
    return body + "." + sign(body);
  }

  /** The {@code search_after} values of a cursor given with this request. */
  public ArrayNode decode(SearchRequest request) {
    String cursor = request.cursor();
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      throw invalid();
    }
    String body = cursor.substring(0, dot);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(mac(body), given)) {
      throw invalid();
    }
    JsonNode payload;
    try {
      payload = OpenSearchHttp.JSON.readTree(Base64.getUrlDecoder().decode(body));
    } catch (IllegalArgumentException | JacksonException e) {
      throw invalid();
    }
    if (!payload.path("h").asString("").equals(hash(request))) {
      throw new InvalidSearch("cursor", "belongs to another search; start again without a cursor");
    }
    JsonNode after = payload.path("a");
    if (!after.isArray()
        || after.size() != 2
        || !after.get(1).isString()
        || !(after.get(0).isNumber() || after.get(0).isNull())) {
      throw invalid();
    }
    return (ArrayNode) after;
  }

  private static InvalidSearch invalid() {
    return new InvalidSearch("cursor", "not a cursor of this search");
  }

  private static String hash(SearchRequest request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(request.canonical(false).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String sign(String body) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)), 16);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
