package com.dbay.search.saved;

import com.dbay.search.listings.SearchRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Saved searches and their matches in the service's PostgreSQL. */
@Repository
public class SavedSearches {

  private static final TypeReference<Map<String, List<String>>> PARAMS = new TypeReference<>() {};

  /** A saved search with how many of its matches came after its owner last looked. */
  public record WithCounts(SavedSearch search, long newCount, long totalCount) {}

  public record Match(String listingId, String title, Instant matchedAt) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  public SavedSearches(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void save(SavedSearch s) {
    jdbc.sql(
            """
        insert into saved_searches (id, user_id, name, params, created_at, updated_at, last_seen_at)
        values (:id, :user, :name, :params, :created, :updated, :seen)
        on conflict (id) do update set name = excluded.name, params = excluded.params,
          updated_at = excluded.updated_at, last_seen_at = excluded.last_seen_at""")
        .param("id", s.id())
        .param("user", s.userId())
        .param("name", s.name())
        .param("params", json.writeValueAsString(s.filters().filterParams()))
        .param("created", Timestamp.from(s.createdAt()))
        .param("updated", Timestamp.from(s.updatedAt()))
        .param("seen", Timestamp.from(s.lastSeenAt()))
        .update();
  }

  public Optional<SavedSearch> find(UUID id) {
    return jdbc.sql("select * from saved_searches where id = :id")
        .param("id", id)
        .query(this::row)
        .optional();
  }

  public long countByUser(String userId) {
    return jdbc.sql("select count(*) from saved_searches where user_id = :user")
        .param("user", userId)
        .query(Long.class)
        .single();
  }

  public List<WithCounts> byUser(String userId) {
    return jdbc.sql(
            """
        select s.*,
          (select count(*) from saved_search_matches m where m.saved_search_id = s.id and m.matched_at > s.last_seen_at) as new_count,
          (select count(*) from saved_search_matches m where m.saved_search_id = s.id) as total_count
        from saved_searches s where s.user_id = :user order by s.created_at, s.id""")
        .param("user", userId)
        .query(
            (rs, n) ->
                new WithCounts(row(rs, n), rs.getLong("new_count"), rs.getLong("total_count")))
        .list();
  }

  public WithCounts withCounts(SavedSearch s) {
    Map<String, Object> counts =
        jdbc.sql(
                """
        select count(*) filter (where matched_at > :seen) as new_count, count(*) as total_count
        from saved_search_matches where saved_search_id = :id""")
            .param("seen", Timestamp.from(s.lastSeenAt()))
            .param("id", s.id())
            .query()
            .singleRow();
    return new WithCounts(
        s,
        ((Number) counts.get("new_count")).longValue(),
        ((Number) counts.get("total_count")).longValue());
  }

  public void delete(UUID id) {
    jdbc.sql("delete from saved_searches where id = :id").param("id", id).update();
  }

  /** Records a match once; true when it is new. */
  public boolean recordMatch(UUID savedSearchId, String listingId, String title, Instant at) {
    return jdbc.sql(
                """
        insert into saved_search_matches (saved_search_id, listing_id, title, matched_at) values (:id, :listing, :title, :at)
        on conflict do nothing""")
            .param("id", savedSearchId)
            .param("listing", listingId)
            .param("title", title)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  public List<Match> matches(UUID savedSearchId, int limit) {
    return jdbc.sql(
            """
        select listing_id, title, matched_at from saved_search_matches where saved_search_id = :id
        order by matched_at desc, listing_id limit :limit""")
        .param("id", savedSearchId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Match(
                    rs.getString("listing_id"),
                    rs.getString("title"),
                    rs.getTimestamp("matched_at").toInstant()))
        .list();
  }

  private SavedSearch row(ResultSet rs, int n) throws SQLException {
    Map<String, List<String>> params = json.readValue(rs.getString("params"), PARAMS);
    return SavedSearch.restore(
        rs.getObject("id", UUID.class),
        rs.getString("user_id"),
        rs.getString("name"),
        SearchRequest.fromSavedFilters(params),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getTimestamp("last_seen_at").toInstant());
  }
}
