package com.dbay.listing.category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and changes the category tables. */
@Repository
class CategoryRecords {

  record Row(long id, Long parentId, String name, String slug, int position, boolean leaf) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  CategoryRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Every category with its own specifics, resolved into {@link Category} (inherited forms). */
  Map<Long, Category> loadAll() {
    List<Row> rows =
        jdbc.sql(
                "select id, parent_id, name, slug, position, leaf from category order by position, id")
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong(1),
                        (Long) rs.getObject(2, Long.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getBoolean(6)))
            .list();
    Map<Long, List<ItemSpecific>> own = new HashMap<>();
    jdbc.sql(
            "select category_id, name, type, requirement, allowed_values, unit from category_specific order by category_id, position")
        .query(
            rs -> {
              own.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new ItemSpecific(
                          rs.getString(2),
                          ItemSpecific.Type.valueOf(rs.getString(3)),
                          ItemSpecific.Requirement.valueOf(rs.getString(4)),
                          json.readValue(rs.getString(5), new TypeReference<List<String>>() {}),
                          rs.getString(6)));
            });
    Map<Long, Row> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.id(), r));
    Map<Long, Category> out = new LinkedHashMap<>();
    for (Row r : rows) {
      List<Long> path = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Row at = r; at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
        path.addFirst(at.id());
        names.addFirst(at.name());
      }
      Map<String, ItemSpecific> form = new LinkedHashMap<>();
      for (Long id : path) {
        for (ItemSpecific s : own.getOrDefault(id, List.of())) {
          form.remove(s.name());
          form.put(s.name(), s);
        }
      }
      out.put(
          r.id(),
          new Category(
              r.id(),
              r.parentId(),
              r.name(),
              r.slug(),
              r.leaf(),
              path,
              names,
              new ArrayList<>(form.values())));
    }
    return out;
  }

  static List<CategoryNode> tree(Map<Long, Category> all) {
    Map<Long, List<Category>> children = new HashMap<>();
    List<Category> roots = new ArrayList<>();
    for (Category c : all.values()) {
      if (c.parentId() == null) {
        roots.add(c);
      } else {
        children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
      }
    }
    return roots.stream().map(c -> node(c, children)).toList();
  }

  private static CategoryNode node(Category c, Map<Long, List<Category>> children) {
    return new CategoryNode(
        c.id(),
        c.name(),
        c.slug(),
        c.leaf(),
        children.getOrDefault(c.id(), List.of()).stream().map(k -> node(k, children)).toList());
  }

  boolean exists(long id) {
    return jdbc.sql("select count(*) from category where id = ?")
            .param(id)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Replaces a category's own specifics (its inherited ones stay with its ancestors). */
  void replaceSpecifics(long categoryId, List<ItemSpecific> specifics) {
    jdbc.sql("delete from category_specific where category_id = ?").param(categoryId).update();
    int position = 0;
    for (ItemSpecific s : specifics) {
      jdbc.sql(
              "insert into category_specific (category_id, position, name, type, requirement, allowed_values, unit) values (?, ?, ?, ?, ?, ?, ?)")
          .params(
              categoryId,
              position++,
              s.name(),
              s.type().name(),
              s.requirement().name(),
              json.writeValueAsString(s.allowedValues()),
              s.unit())
          .update();
    }
  }

  static Comparator<Category> byPath() {
    return Comparator.comparing(c -> String.join("/", c.pathNames()));
  }
}
