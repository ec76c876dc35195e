package com.dbay.search.listings.web;

import com.dbay.search.listings.InvalidSearch;
import com.dbay.search.listings.ListingSearch;
import com.dbay.search.listings.SearchRequest;
import com.dbay.search.listings.SearchResults;
import com.dbay.search.listings.Suggestions;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, anonymous: searching and suggestions. {@code X-Cache: hit|miss} tells whether Memcached
 * answered.
 */
@RestController
class SearchController {

  static final int MAX_SUGGESTIONS = 20;

  private final ListingSearch search;

  SearchController(ListingSearch search) {
    this.search = search;
  }

  @GetMapping({"/api/v1/search/listings", "/api/v1/search/listings/"})
  ResponseEntity<SearchResults> listings(@RequestParam MultiValueMap<String, String> params) {
    ListingSearch.Answer<SearchResults> answer = search.search(SearchRequest.fromQuery(params));
    return ResponseEntity.ok()
        .header("X-Cache", answer.cached() ? "hit" : "miss")
        .body(answer.body());
  }

  @GetMapping({"/api/v1/search/suggest", "/api/v1/search/suggest/"})
  ResponseEntity<Suggestions> suggest(@RequestParam MultiValueMap<String, String> params) {
    for (String name : params.keySet()) {
      if (!name.equals("q") && !name.equals("size")) {
        throw new InvalidSearch(name, "unknown parameter");
      }
    }
    String q = params.getFirst("q");
    q = q == null ? "" : q.strip().replaceAll("\\s+", " ");
    if (q.isEmpty() || q.length() > 100) {
      throw new InvalidSearch("q", "type 1 to 100 characters");
    }
    int size = 8;
    String sizeText = params.getFirst("size");
    if (sizeText != null) {
      try {
        size = Integer.parseInt(sizeText);
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 1 || size > MAX_SUGGESTIONS) {
        throw new InvalidSearch("size", "must be a whole number from 1 to " + MAX_SUGGESTIONS);
      }
    }
    ListingSearch.Answer<Suggestions> answer = search.suggest(q, size);
    return ResponseEntity.ok()
        .header("X-Cache", answer.cached() ? "hit" : "miss")
        .body(answer.body());
  }
}
