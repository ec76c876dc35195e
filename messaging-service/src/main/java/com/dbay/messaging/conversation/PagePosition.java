package com.dbay.messaging.conversation;

import com.dbay.platform.problem.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page ends: the sort key (time, then id) of its last item, handed to clients as an opaque
 * cursor. Keyset paging, so a message arriving meanwhile neither repeats nor skips an item.
 */
public record PagePosition(Instant at, String id) {

  public String cursor() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((at.toEpochMilli() + "_" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** Null for no cursor; a 400 naming {@code field} for one this service did not hand out. */
  public static PagePosition parse(String cursor, String field) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int cut = text.indexOf('_');
      return new PagePosition(
          Instant.ofEpochMilli(Long.parseLong(text.substring(0, cut))), text.substring(cut + 1));
    } catch (RuntimeException e) {
      throw DomainException.invalid("validation", field, "is not a cursor this service gave out");
    }
  }
}
