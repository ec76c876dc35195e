package com.dbay.search.listings;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/search/suggest}: listing titles that complete what was typed.
 */
public record Suggestions(List<Suggestion> suggestions) {

  public record Suggestion(String text, String listingId) {}
}
