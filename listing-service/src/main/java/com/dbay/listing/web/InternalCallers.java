package com.dbay.listing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The parts allowed to call {@code /api/v1/listing/internal/**} and the token each one proves
 * itself with. Interim until the platform's caller authentication lands (issue 9): one secret per
 * caller, so a caller cannot pass itself off as another, and each endpoint names its callers in
 * {@link #allowed}.
 *
 * @param tokens caller name → its token, given as {@code DBAY_LISTING_CALLER_TOKENS=
 *     "search-service=…,image-processor=…"}; with no tokens every internal call is refused
 */
@ConfigurationProperties("dbay.listing.internal")
public record InternalCallers(@DefaultValue("") String tokens) {

  /** Path prefix (below /api/v1/listing/internal/) → the callers that may use it. */
  static final Map<String, List<String>> allowed =
      Map.of(
          "listings", List.of("search-service", "search-indexer"),
          "photos", List.of("image-processor"),
          "auction-terms", List.of("auction-service"));

  Map<String, String> tokenByCaller() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : tokens.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.length() - eq - 1 >= 16) {
        out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return out;
  }
}
