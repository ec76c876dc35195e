package com.dbay.user.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Finished orders and their feedback in the service's PostgreSQL. */
@Repository
public class Feedbacks {

  private final JdbcTemplate jdbc;

  public Feedbacks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An order that finished, with its parties. */
  record Party(String buyerId, String sellerId, Instant finishedAt) {}

  void finished(String orderId, String buyerId, String sellerId, Instant at) {
    jdbc.update(
        "insert into feedback_orders (order_id, buyer_id, seller_id, finished_at) values (?, ?, ?, ?)"
            + " on conflict (order_id) do nothing",
        orderId,
        buyerId,
        sellerId,
        Timestamp.from(at));
  }

  Optional<Party> party(String orderId) {
    if (orderId == null) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select buyer_id, seller_id, finished_at from feedback_orders where order_id = ?",
            (rs, row) ->
                new Party(
                    rs.getString("buyer_id"),
                    rs.getString("seller_id"),
                    rs.getTimestamp("finished_at").toInstant()),
            orderId)
        .stream()
        .findFirst();
  }

  /**
   * Inserts one feedback; the unique (order, from) refuses a second one (DuplicateKeyException).
   */
  void insert(
      UUID id,
      String orderId,
      String from,
      String to,
      String role,
      String rating,
      String comment,
      FeedbackRules.Detailed d,
      Instant at) {
    jdbc.update(
        """
        insert into feedback (id, order_id, from_user, to_user, from_role, rating, comment,
          item_as_described, communication, shipping_time, shipping_cost, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id,
        orderId,
        from,
        to,
        role,
        rating,
        comment,
        d == null ? null : d.itemAsDescribed(),
        d == null ? null : d.communication(),
        d == null ? null : d.shippingTime(),
        d == null ? null : d.shippingCost(),
        Timestamp.from(at));
  }

  FeedbackService.FeedbackView byId(UUID id) {
    return jdbc.query("select * from feedback where id = ?", Feedbacks::view, id).getFirst();
  }

  List<FeedbackService.FeedbackView> ofOrder(String orderId) {
    return jdbc.query("select * from feedback where order_id = ?", Feedbacks::view, orderId);
  }

  long score(String userId) {
    return jdbc.queryForObject(
        "select coalesce(sum(case rating when 'POSITIVE' then 1 when 'NEGATIVE' then -1 else 0 end), 0)"
            + " from feedback where to_user = ?",
        Long.class,
        userId);
  }

  Map<String, Long> countsSince(String userId, Instant since) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(
        "select rating, count(*) n from feedback where to_user = ? and created_at > ? group by rating",
        rs -> {
          counts.put(rs.getString("rating"), rs.getLong("n"));
        },
        userId,
        Timestamp.from(since));
    return counts;
  }

  FeedbackService.Averages averages(String userId) {
    return jdbc.queryForObject(
        """
        select round(avg(item_as_described), 2) a, round(avg(communication), 2) c,
               round(avg(shipping_time), 2) t, round(avg(shipping_cost), 2) s, count(*) n
        from feedback where to_user = ? and item_as_described is not null""",
        (rs, row) ->
            new FeedbackService.Averages(
                rs.getBigDecimal("a"),
                rs.getBigDecimal("c"),
                rs.getBigDecimal("t"),
                rs.getBigDecimal("s"),
                rs.getLong("n")),
        userId);
  }

  List<FeedbackService.FeedbackView> received(String userId, int limit) {
    return jdbc.query(
        "select * from feedback where to_user = ? order by created_at desc, id limit ?",
        Feedbacks::view,
        userId,
        limit);
  }

  private static FeedbackService.FeedbackView view(ResultSet rs, int row) throws SQLException {
    Integer a = rs.getObject("item_as_described", Integer.class);
    FeedbackRules.Detailed detailed =
        a == null
            ? null
            : new FeedbackRules.Detailed(
                a,
                rs.getObject("communication", Integer.class),
                rs.getObject("shipping_time", Integer.class),
                rs.getObject("shipping_cost", Integer.class));
    return new FeedbackService.FeedbackView(
        rs.getString("id"),
        rs.getString("order_id"),
        rs.getString("from_user"),
        null,
        rs.getString("to_user"),
        rs.getString("from_role").toLowerCase(java.util.Locale.ROOT),
        rs.getString("rating"),
        rs.getString("comment"),
        detailed,
        rs.getTimestamp("created_at").toInstant());
  }
}
