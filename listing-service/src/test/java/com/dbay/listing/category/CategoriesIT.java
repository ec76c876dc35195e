package com.dbay.listing.category;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.listing.support.ListingServiceIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.rubyeye.xmemcached.MemcachedClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CategoriesIT extends ListingServiceIT {

  @Autowired MemcachedClient memcached;

  @Test
  void
      the_tree_holds_about_a_hundred_categories_at_least_three_levels_deep_and_is_kept_in_memcached()
          throws Exception {
    memcached.delete(CategoryCatalog.TREE_KEY);

    Answer tree = get("/api/v1/listing/categories", null);

    assertThat(tree.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    int depth = depth(tree.json().path("categories"), 1, names);
    assertThat(depth).isGreaterThanOrEqualTo(3);
    assertThat(names)
        .hasSizeBetween(90, 150)
        .contains(
            "Electronics",
            "Collectibles & Art",
            "Clothing, Shoes & Accessories",
            "Home & Garden",
            "Sporting Goods",
            "Graphics Cards",
            "Pokémon Cards",
            "Bicycles");
    assertThat((String) memcached.get(CategoryCatalog.TREE_KEY)).contains("Graphics Cards");
  }

  @Test
  void
      a_category_comes_with_its_path_and_its_whole_form_where_a_lower_level_redefines_an_inherited_field() {
    Answer phones = get("/api/v1/listing/categories/3", null);

    assertThat(phones.status()).isEqualTo(200);
    JsonNode c = phones.json();
    assertThat(c.path("name").asString()).isEqualTo("Cell Phones & Smartphones");
    assertThat(c.path("path").toString()).isEqualTo("[1,2,3]");
    JsonNode brand = specific(c, "Brand");
    assertThat(brand.path("requirement").asString())
        .isEqualTo("REQUIRED"); // recommended on Electronics, required here
    JsonNode storage = specific(c, "Storage Capacity");
    assertThat(storage.path("type").asString()).isEqualTo("ENUM");
    assertThat(storage.path("allowedValues").toString()).contains("256 GB");
    assertThat(
            c.path("specifics").findValuesAsString("name").stream().filter("Brand"::equals).count())
        .isEqualTo(1);
  }

  @Test
  void an_unknown_category_is_a_404_problem() {
    Answer none = get("/api/v1/listing/categories/999999", null);

    assertThat(none.status()).isEqualTo(404);
    assertThat(none.contentType()).startsWith("application/problem+json");
  }

  @Test
  void
      an_admin_changing_a_form_is_seen_at_once_because_the_cache_forgets_it_and_others_may_not_change_it()
          throws Exception {
    long stamps = 36; // "Stamps": a leaf with its own form
    get("/api/v1/listing/categories/" + stamps, null);
    assertThat((Object) memcached.get(CategoryCatalog.ALL_KEY))
        .as("cached after a read")
        .isNotNull();
    String field = "Perforation " + java.util.UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> form =
        List.of(
            Map.of("name", "Country", "type", "TEXT", "requirement", "REQUIRED"),
            Map.of(
                "name",
                field,
                "type",
                "ENUM",
                "requirement",
                "OPTIONAL",
                "allowedValues",
                List.of("Perforated", "Imperforate")));

    Answer refused =
        put(
            "/api/v1/listing/categories/" + stamps + "/specifics",
            Map.of("specifics", form),
            user("mallory"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(get("/api/v1/listing/categories/" + stamps, null).body()).doesNotContain(field);

    Answer changed =
        put(
            "/api/v1/listing/categories/" + stamps + "/specifics",
            Map.of("specifics", form),
            admin());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);

    String after = get("/api/v1/listing/categories/" + stamps, null).body();
    assertThat(after).contains(field).doesNotContain("Quality");
  }

  @Test
  void an_enum_without_values_is_refused_naming_the_field() {
    Answer refused =
        put(
            "/api/v1/listing/categories/36/specifics",
            Map.of(
                "specifics",
                List.of(Map.of("name", "Grade", "type", "ENUM", "requirement", "OPTIONAL"))),
            admin());

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("errors").get(0).path("field").asString())
        .isEqualTo("specifics[0].allowedValues");
  }

  private static JsonNode specific(JsonNode category, String name) {
    for (JsonNode s : category.path("specifics")) {
      if (s.path("name").asString().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no specific " + name + " in " + category);
  }

  private static int depth(JsonNode nodes, int level, List<String> names) {
    int deepest = level - 1;
    for (JsonNode n : nodes) {
      names.add(n.path("name").asString());
      deepest = Math.max(deepest, Math.max(level, depth(n.path("children"), level + 1, names)));
    }
    return deepest;
  }
}
