package com.dbay.search.listings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TitleSuggestionsTest {

  private static List<String> titles(TitleSuggestions s, String typed, int limit) {
    return s.suggest(typed, limit).stream().map(TitleSuggestions.Match::title).toList();
  }

  private static TitleSuggestions loaded(int rebuildAfter, String... idTitlePairs) {
    Map<String, String> all = new LinkedHashMap<>();
    for (int i = 0; i < idTitlePairs.length; i += 2) {
      all.put(idTitlePairs[i], idTitlePairs[i + 1]);
    }
    TitleSuggestions s = new TitleSuggestions(rebuildAfter);
    s.replaceAll(all);
    return s;
  }

  @Test
  void titles_that_start_with_what_was_typed_come_before_titles_with_a_later_word_that_does() {
    TitleSuggestions s =
        loaded(
            100,
            "L1",
            "Vintage Sony Walkman",
            "L2",
            "Sony Walkman WM-10",
            "L3",
            "Sony camera",
            "L4",
            "Canon camera body");

    assertThat(titles(s, "sony", 10))
        .containsExactly("Sony camera", "Sony Walkman WM-10", "Vintage Sony Walkman");
    assertThat(titles(s, "walk", 10))
        .as("by the rest of the title from the matching word: 'walkman' before 'walkman wm 10'")
        .containsExactly("Vintage Sony Walkman", "Sony Walkman WM-10");
    assertThat(titles(s, "cam", 10)).containsExactly("Sony camera", "Canon camera body");
    assertThat(titles(s, "sony", 1)).containsExactly("Sony camera");
    assertThat(titles(s, "nikon", 10)).isEmpty();
    assertThat(titles(s, "", 10)).isEmpty();
  }

  @Test
  void case_accents_and_punctuation_do_not_matter_and_a_trailing_space_asks_for_the_next_word() {
    TitleSuggestions s = loaded(100, "L1", "Café-Racer Helmet, size M", "L2", "Cafetière glass");

    assertThat(titles(s, "CAFE", 10))
        .containsExactly("Café-Racer Helmet, size M", "Cafetière glass");
    assertThat(titles(s, "café r", 10)).containsExactly("Café-Racer Helmet, size M");
    assertThat(titles(s, "cafe ", 10)).containsExactly("Café-Racer Helmet, size M");
    assertThat(titles(s, "helmet size", 10)).containsExactly("Café-Racer Helmet, size M");
    assertThat(titles(s, "m", 10)).containsExactly("Café-Racer Helmet, size M");
  }

  @Test
  void a_changed_title_a_hidden_listing_and_a_new_one_show_at_once() {
    TitleSuggestions s = loaded(100, "L1", "Red racing bike", "L2", "Blue mountain bike");

    s.put("L1", "Green racing bike");
    s.put("L2", null);
    s.put("L3", "Bike helmet");

    assertThat(titles(s, "red", 10)).isEmpty();
    assertThat(titles(s, "green", 10)).containsExactly("Green racing bike");
    assertThat(titles(s, "blue", 10)).isEmpty();
    assertThat(titles(s, "bike", 10)).containsExactly("Bike helmet", "Green racing bike");
    assertThat(s.size()).isEqualTo(2);

    s.put("L2", "Blue mountain bike");
    assertThat(titles(s, "bike", 10))
        .as("equal rests of the title ('bike') in listing id order: L1 before L2")
        .containsExactly("Bike helmet", "Green racing bike", "Blue mountain bike");
    assertThat(s.size()).isEqualTo(3);
  }

  @Test
  void the_same_answers_as_a_sorted_model_through_many_changes_and_rebuilds() {
    Random random = new Random(42);
    String[] words = {"sony", "soap", "sofa", "canon", "camera", "cable", "red", "reel", "road"};
    TitleSuggestions s = new TitleSuggestions(25); // rebuilds often
    Map<String, String> model = new TreeMap<>();
    s.replaceAll(Map.of());
    for (int round = 0; round < 3_000; round++) {
      String id = "L" + random.nextInt(200);
      if (random.nextInt(5) == 0) {
        s.put(id, null);
        model.remove(id);
      } else {
        String title =
            words[random.nextInt(words.length)]
                + " "
                + words[random.nextInt(words.length)]
                + " "
                + round;
        s.put(id, title);
        model.put(id, title);
      }
      if (round % 100 == 0) {
        for (String typed : List.of("so", "sof", "ca", "r", "road ", "cable r")) {
          assertThat(s.suggest(typed, 8)).isEqualTo(expected(model, typed, 8));
        }
      }
    }
    assertThat(s.size()).isEqualTo(model.size());
  }

  /** Whole-title matches alphabetically (then by id), then later-word matches the same way. */
  private static List<TitleSuggestions.Match> expected(
      Map<String, String> model, String typed, int limit) {
    String prefix = TitleSuggestions.normalizeTyped(typed);
    TreeMap<String, TitleSuggestions.Match> starts = new TreeMap<>();
    TreeMap<String, TitleSuggestions.Match> later = new TreeMap<>();
    model.forEach(
        (id, title) -> {
          String key = TitleSuggestions.normalize(title);
          if (key.startsWith(prefix)) {
            starts.put(key + '\0' + id, new TitleSuggestions.Match(title, id));
          }
          for (int offset : TitleSuggestions.laterWordOffsets(key)) {
            if (key.startsWith(prefix, offset)) {
              later.put(key.substring(offset) + '\0' + id, new TitleSuggestions.Match(title, id));
            }
          }
        });
    List<TitleSuggestions.Match> all = new ArrayList<>(starts.values());
    all.addAll(later.values());
    return all.subList(0, Math.min(limit, all.size()));
  }
}
