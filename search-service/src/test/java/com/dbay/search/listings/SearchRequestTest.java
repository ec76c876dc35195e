package com.dbay.search.listings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

  @Test
  void the_same_search_written_in_another_order_has_the_same_canonical_form() {
    Map<String, List<String>> a = new LinkedHashMap<>();
    a.put("q", List.of("  red   bike "));
    a.put("condition", List.of("used", "new"));
    a.put("spec.Brand", List.of("Trek", "Giro"));
    Map<String, List<String>> b = new LinkedHashMap<>();
    b.put("spec.Brand", List.of("Giro", "Trek"));
    b.put("condition", List.of("new", "used"));
    b.put("q", List.of("red bike"));

    assertThat(SearchRequest.fromQuery(a).canonical(true))
        .isEqualTo(SearchRequest.fromQuery(b).canonical(true));
  }

  @Test
  void prices_are_read_as_exact_doge_amounts() {
    SearchRequest r =
        SearchRequest.fromQuery(
            Map.of("minPrice", List.of("0.5"), "maxPrice", List.of("12.12345678")));
    assertThat(r.minPriceKoinu()).isEqualTo(50_000_000L);
    assertThat(r.maxPriceKoinu()).isEqualTo(1_212_345_678L);
  }

  @Test
  void a_price_with_more_than_eight_places_is_refused() {
    assertThatThrownBy(() -> SearchRequest.fromQuery(Map.of("maxPrice", List.of("1.123456789"))))
        .isInstanceOf(InvalidSearch.class)
        .hasMessageContaining("maxPrice");
  }

  @Test
  void saved_filters_keep_no_paging_and_come_back_as_the_same_parameters() {
    assertThatThrownBy(() -> SearchRequest.fromSavedFilters(Map.of("sort", List.of("price_asc"))))
        .isInstanceOf(InvalidSearch.class)
        .hasMessageContaining("sort");
    Map<String, List<String>> params =
        Map.of("q", List.of("bike"), "maxPrice", List.of("200"), "spec.Brand", List.of("Trek"));
    assertThat(SearchRequest.fromSavedFilters(params).filterParams())
        .containsEntry("q", List.of("bike"))
        .containsEntry("maxPrice", List.of("200.00000000"))
        .containsEntry("spec.Brand", List.of("Trek"));
  }

  @Test
  void too_many_item_specifics_or_values_are_refused() {
    Map<String, List<String>> many = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      many.put("spec.S" + i, List.of("v"));
    }
    assertThatThrownBy(() -> SearchRequest.fromQuery(many)).isInstanceOf(InvalidSearch.class);
    assertThatThrownBy(() -> SearchRequest.fromQuery(Map.of("spec.", List.of("v"))))
        .isInstanceOf(InvalidSearch.class);
    assertThatThrownBy(
            () -> SearchRequest.fromQuery(Map.of("spec.Brand", List.of("x".repeat(101)))))
        .isInstanceOf(InvalidSearch.class);
  }
}
