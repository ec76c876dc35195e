package com.dbay.search.saved.web;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import com.dbay.search.listings.InvalidSearch;
import com.dbay.search.listings.SearchRequest;
import com.dbay.search.saved.SavedSearchService;
import com.dbay.search.saved.SavedSearches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in user's saved searches. {@code params} are the search parameters of {@code GET
 * /api/v1/search/listings} without sort, size or cursor; a value is a string or a list of strings.
 * {@code newCount} counts the listings matched since the owner last looked ({@code POST
 * .../{id}/seen}).
 */
@RestController
@RequestMapping("/api/v1/search/saved-searches")
class SavedSearchController {

  record SavedSearchForm(String name, Map<String, Object> params) {}

  record SavedSearchView(
      UUID id,
      String name,
      Map<String, List<String>> params,
      long newCount,
      long totalCount,
      Instant createdAt,
      Instant updatedAt,
      Instant lastSeenAt) {

    static SavedSearchView of(SavedSearches.WithCounts w) {
      var s = w.search();
      return new SavedSearchView(
          s.id(),
          s.name(),
          s.filters().filterParams(),
          w.newCount(),
          w.totalCount(),
          s.createdAt(),
          s.updatedAt(),
          s.lastSeenAt());
    }
  }

  record SavedSearchList(List<SavedSearchView> items) {}

  record MatchList(List<SavedSearches.Match> items) {}

  private final SavedSearchService service;

  SavedSearchController(SavedSearchService service) {
    this.service = service;
  }

  @GetMapping({"", "/"})
  SavedSearchList list(@CurrentUser Identity user) {
    return new SavedSearchList(
        service.list(user.userId()).stream().map(SavedSearchView::of).toList());
  }

  @PostMapping({"", "/"})
  ResponseEntity<SavedSearchView> create(
      @CurrentUser Identity user, @RequestBody SavedSearchForm form) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(SavedSearchView.of(service.create(user.userId(), form.name(), filters(form))));
  }

  @GetMapping("/{id}")
  SavedSearchView get(@CurrentUser Identity user, @PathVariable UUID id) {
    return SavedSearchView.of(service.get(user.userId(), id));
  }

  @PutMapping("/{id}")
  SavedSearchView change(
      @CurrentUser Identity user, @PathVariable UUID id, @RequestBody SavedSearchForm form) {
    return SavedSearchView.of(service.change(user.userId(), id, form.name(), filters(form)));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@CurrentUser Identity user, @PathVariable UUID id) {
    service.delete(user.userId(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/seen")
  SavedSearchView seen(@CurrentUser Identity user, @PathVariable UUID id) {
    return SavedSearchView.of(service.markSeen(user.userId(), id));
  }

  @GetMapping("/{id}/matches")
  MatchList matches(@CurrentUser Identity user, @PathVariable UUID id) {
    return new MatchList(service.matches(user.userId(), id));
  }

  private static SearchRequest filters(SavedSearchForm form) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (form.params() != null) {
      if (form.params().size() > 40) {
        throw new InvalidSearch("params", "too many parameters");
      }
      for (Map.Entry<String, Object> e : form.params().entrySet()) {
        String field = "params." + e.getKey();
        List<String> values = new ArrayList<>();
        if (e.getValue() instanceof String s) {
          values.add(s);
        } else if (e.getValue() instanceof List<?> list && list.size() <= 20) {
          for (Object v : list) {
            if (!(v instanceof String s)) {
              throw new InvalidSearch(field, "values are strings");
            }
            values.add(s);
          }
        } else {
          throw new InvalidSearch(field, "a string or a list of up to 20 strings");
        }
        params.put(e.getKey(), values);
      }
    }
    return SearchRequest.fromSavedFilters(params);
  }
}
