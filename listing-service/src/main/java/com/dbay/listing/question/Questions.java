package com.dbay.listing.question;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Questions {

  private static final String COLUMNS =
      "id, listing_id, asker_id, asker_name, text, answer, asked_at, answered_at";

  private final JdbcClient jdbc;

  Questions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Question q) {
    jdbc.sql(
            "insert into question (id, listing_id, asker_id, asker_name, text, asked_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            q.id(),
            q.listingId(),
            q.askerId(),
            q.askerName(),
            q.text(),
            Timestamp.from(q.askedAt()))
        .update();
  }

  /** Records the answer unless there is one already; false then. */
  boolean answer(UUID id, String answer, Instant at) {
    return jdbc.sql(
                "update question set answer = ?, answered_at = ? where id = ? and answer is null")
            .params(answer, Timestamp.from(at), id)
            .update()
        == 1;
  }

  Optional<Question> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from question where id = ?")
        .param(id)
        .query((rs, n) -> question(rs))
        .optional();
  }

  /** Answered ones, plus all for the seller, plus the viewer's own. */
  List<Question> visible(UUID listingId, boolean seller, String viewerId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from question where listing_id = ? and (answer is not null or ? or asker_id = ?) order by asked_at")
        .params(listingId, seller, viewerId)
        .query((rs, n) -> question(rs))
        .list();
  }

  Map<UUID, Integer> unanswered(Collection<UUID> listingIds) {
    Map<UUID, Integer> out = new HashMap<>();
    if (listingIds.isEmpty()) {
      return out;
    }
    jdbc.sql(
            "select listing_id, count(*) from question where listing_id = any(?) and answer is null group by listing_id")
        .param(listingIds.toArray(UUID[]::new))
        .query(
            rs -> {
              out.put(rs.getObject(1, UUID.class), rs.getInt(2));
            });
    return out;
  }

  private static Question question(ResultSet rs) throws SQLException {
    Timestamp answered = rs.getTimestamp("answered_at");
    return new Question(
        rs.getObject("id", UUID.class),
        rs.getObject("listing_id", UUID.class),
        rs.getString("asker_id"),
        rs.getString("asker_name"),
        rs.getString("text"),
        rs.getString("answer"),
        rs.getTimestamp("asked_at").toInstant(),
        answered == null ? null : answered.toInstant());
  }
}
