package com.dbay.search.listings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SearchCursorTest {

  private final SearchCursor cursors =
      new SearchCursor("test-secret-of-the-cursor-signing".getBytes(StandardCharsets.UTF_8));
  private final JsonMapper json = JsonMapper.builder().build();

  private SearchRequest search(String sort, String cursor) {
    return SearchRequest.fromQuery(
        cursor == null
            ? Map.of("q", List.of("bike"), "sort", List.of(sort))
            : Map.of("q", List.of("bike"), "sort", List.of(sort), "cursor", List.of(cursor)));
  }

  @Test
  void a_cursor_gives_back_the_sort_values_it_was_made_from() {
    String cursor =
        cursors.encode(search("price_asc", null), json.readTree("[12000000000, \"L-42\"]"));

    assertThat(cursors.decode(search("price_asc", cursor)).toString())
        .isEqualTo("[12000000000,\"L-42\"]");
  }

  @Test
  void a_cursor_of_another_search_is_refused() {
    String cursor = cursors.encode(search("price_asc", null), json.readTree("[1, \"L-42\"]"));

    assertThatThrownBy(() -> cursors.decode(search("price_desc", cursor)))
        .isInstanceOf(InvalidSearch.class);
  }

  @Test
  void a_cursor_rewritten_by_the_client_is_refused_even_with_a_plausible_body() {
    String cursor = cursors.encode(search("price_asc", null), json.readTree("[1, \"L-42\"]"));
    String body =
        new String(
            Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
            StandardCharsets.UTF_8);
    String forgedBody =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                body.replace("\"L-42\"", "{\"script\":1}").getBytes(StandardCharsets.UTF_8));
    String forged = forgedBody + cursor.substring(cursor.indexOf('.'));

    assertThatThrownBy(() -> cursors.decode(search("price_asc", forged)))
        .isInstanceOf(InvalidSearch.class);
    assertThatThrownBy(() -> cursors.decode(search("price_asc", "a.b.c")))
        .isInstanceOf(InvalidSearch.class);
    assertThatThrownBy(() -> cursors.decode(search("price_asc", "!!!.###")))
        .isInstanceOf(InvalidSearch.class);
  }

  @Test
  void a_cursor_signed_with_another_key_is_refused() {
    SearchCursor other =
        new SearchCursor("another-secret-altogether-here".getBytes(StandardCharsets.UTF_8));
    String cursor = other.encode(search("price_asc", null), json.readTree("[1, \"L-42\"]"));

    assertThatThrownBy(() -> cursors.decode(search("price_asc", cursor)))
        .isInstanceOf(InvalidSearch.class);
  }
}
