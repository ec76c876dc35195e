package com.dbay.order.disputes;

import com.dbay.platform.money.Doge;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Disputes, their evidence, their workflow tokens and their orders' status, in PostgreSQL. */
@Repository
public class Disputes {

  private final JdbcTemplate jdbc;

  public Disputes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<DisputedOrder> order(String orderId) {
    return jdbc
        .query(
            // What the escrow holds: the price plus shipping (a checkout's total).
            "SELECT id, listing_id, buyer_id, seller_id, price + shipping_cost AS total, status,"
                + " shipped_at, created_at FROM orders WHERE id = ?",
            (rs, n) ->
                new DisputedOrder(
                    rs.getString("id"),
                    rs.getString("listing_id"),
                    rs.getString("buyer_id"),
                    rs.getString("seller_id"),
                    Doge.ofKoinu(rs.getLong("total")),
                    rs.getString("status"),
                    instant(rs, "shipped_at"),
                    instant(rs, "created_at")),
            orderId)
        .stream()
        .findFirst();
  }

  /**
   * Moves the order from one of {@code from} to {@code to}; false when it was in none of them (the
   * lifecycle moved it meanwhile: the caller's transaction then rolls back).
   */
  boolean moveOrder(String orderId, List<String> from, String to) {
    Object[] args = new Object[from.size() + 2];
    args[0] = to;
    args[1] = orderId;
    for (int i = 0; i < from.size(); i++) {
      args[i + 2] = from.get(i);
    }
    String in = String.join(", ", java.util.Collections.nCopies(from.size(), "?"));
    return jdbc.update("UPDATE orders SET status = ? WHERE id = ? AND status IN (" + in + ")", args)
        == 1;
  }

  /** The order's status, its row locked until the transaction ends. */
  String lockOrderStatus(String orderId) {
    return jdbc.queryForObject(
        "SELECT status FROM orders WHERE id = ? FOR UPDATE", String.class, orderId);
  }

  /**
   * What a ruling paid out, on the order as its lifecycle shows payouts (completed_at on release).
   */
  void settledOrder(String orderId, Doge sellerAmount, Doge fee, Instant at, boolean released) {
    jdbc.update(
        "UPDATE orders SET seller_amount = ?, fee = ?, completed_at = CASE WHEN ? THEN ? ELSE"
            + " completed_at END WHERE id = ?",
        sellerAmount.koinu(),
        fee.koinu(),
        released,
        Timestamp.from(at),
        orderId);
  }

  /** Inserts a new dispute; false when its order already has one. */
  boolean insert(Dispute d) {
    return jdbc.update(
            """
            INSERT INTO disputes (id, order_id, buyer_id, seller_id, amount, reason, description,
              status, opened_at, answer_due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""",
            d.id(),
            d.orderId(),
            d.buyerId(),
            d.sellerId(),
            d.amount().koinu(),
            d.reason().name(),
            d.description(),
            d.status().name(),
            Timestamp.from(d.openedAt()),
            Timestamp.from(d.answerDueAt()))
        == 1;
  }

  /** Saves a changed dispute; optimistic on its version (a concurrent change fails the caller). */
  void save(Dispute d) {
    Dispute.Ruling r = d.ruling();
    int updated =
        jdbc.update(
            """
            UPDATE disputes SET status = ?, seller_answer = ?, answered_at = ?, escalated_at = ?,
              escalated_by = ?, outcome = ?, buyer_percent = ?, buyer_amount = ?, seller_amount = ?,
              fee = ?, ruled_by = ?, ruling_reason = ?, ruled_at = ?, version = version + 1
            WHERE id = ? AND version = ?""",
            d.status().name(),
            d.sellerAnswer(),
            ts(d.answeredAt()),
            ts(d.escalatedAt()),
            d.escalatedBy() == null ? null : d.escalatedBy().name(),
            r == null ? null : r.outcome().name(),
            r == null || r.buyerPercent() == null ? null : new BigDecimal(r.buyerPercent()),
            r == null ? null : r.buyerAmount().koinu(),
            r == null ? null : r.sellerAmount().koinu(),
            r == null ? null : r.fee().koinu(),
            r == null ? null : r.ruledBy(),
            r == null ? null : r.reason(),
            r == null ? null : ts(r.ruledAt()),
            d.id(),
            d.version());
    if (updated != 1) {
      throw new org.springframework.dao.OptimisticLockingFailureException(
          "dispute " + d.id() + " changed meanwhile");
    }
  }

  Optional<Dispute> find(String id) {
    return jdbc.query("SELECT * FROM disputes WHERE id = ?", Disputes::restore, id).stream()
        .findFirst();
  }

  Optional<Dispute> lock(String id) {
    return jdbc
        .query("SELECT * FROM disputes WHERE id = ? FOR UPDATE", Disputes::restore, id)
        .stream()
        .findFirst();
  }

  /**
   * The dispute of one order ({@code orderId}), or those of one buyer's orders of one listing
   * ({@code listingId} and {@code buyerId}: a messaging thread is one buyer's about one listing).
   */
  List<DisputeService.OnOrder> onOrders(String orderId, String listingId, String buyerId) {
    String select =
        "SELECT d.id, d.order_id, o.listing_id, o.buyer_id, o.seller_id, d.status"
            + " FROM disputes d JOIN orders o ON o.id = d.order_id WHERE ";
    org.springframework.jdbc.core.RowMapper<DisputeService.OnOrder> row =
        (rs, n) ->
            new DisputeService.OnOrder(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6));
    return orderId != null
        ? jdbc.query(select + "d.order_id = ?", row, orderId)
        : jdbc.query(
            select + "o.listing_id = ? AND o.buyer_id = ? ORDER BY d.opened_at, d.id LIMIT 20",
            row,
            listingId,
            buyerId);
  }

  Optional<Dispute> ofOrder(String orderId) {
    return jdbc
        .query("SELECT * FROM disputes WHERE order_id = ?", Disputes::restore, orderId)
        .stream()
        .findFirst();
  }

  /** Disputes not yet ruled (or all, newest first), oldest first: the admin queue. */
  List<Dispute> queue(boolean open, int limit) {
    return open
        ? jdbc.query(
            "SELECT * FROM disputes WHERE status <> 'RULED' ORDER BY opened_at, id LIMIT ?",
            Disputes::restore,
            limit)
        : jdbc.query(
            "SELECT * FROM disputes ORDER BY opened_at DESC, id LIMIT ?", Disputes::restore, limit);
  }

  // --- DisputeWorkflow's task tokens and the answers owed to them ---

  void sellerToken(String disputeId, String token) {
    jdbc.update(
        "UPDATE disputes SET seller_token = ? WHERE id = ? AND seller_token IS NULL",
        token,
        disputeId);
  }

  void adminToken(String disputeId, String token) {
    jdbc.update(
        "UPDATE disputes SET admin_token = ? WHERE id = ? AND admin_token IS NULL",
        token,
        disputeId);
  }

  /** The answer owed on the seller step (REFUND or ESCALATE); the first one stands. */
  void owedSellerReply(String disputeId, String output) {
    jdbc.update(
        "UPDATE disputes SET seller_reply = ? WHERE id = ? AND seller_reply IS NULL",
        output,
        disputeId);
  }

  void owedAdminReply(String disputeId, String output) {
    jdbc.update(
        "UPDATE disputes SET admin_reply = ? WHERE id = ? AND admin_reply IS NULL",
        output,
        disputeId);
  }

  /** A task token with the answer owed to it, ready to send. */
  record Owed(String disputeId, boolean adminStep, String token, String output) {}

  List<Owed> owed(int limit) {
    return jdbc.query(
        """
        SELECT id, false AS admin, seller_token AS token, seller_reply AS reply FROM disputes
          WHERE seller_reply IS NOT NULL AND NOT seller_sent AND seller_token IS NOT NULL
        UNION ALL
        SELECT id, true, admin_token, admin_reply FROM disputes
          WHERE admin_reply IS NOT NULL AND NOT admin_sent AND admin_token IS NOT NULL
        LIMIT ?""",
        (rs, n) ->
            new Owed(
                rs.getString("id"),
                rs.getBoolean("admin"),
                rs.getString("token"),
                rs.getString("reply")),
        limit);
  }

  void sent(Owed owed) {
    jdbc.update(
        owed.adminStep()
            ? "UPDATE disputes SET admin_sent = true WHERE id = ?"
            : "UPDATE disputes SET seller_sent = true WHERE id = ?",
        owed.disputeId());
  }

  // --- evidence ---

  void addEvidence(Evidence e) {
    jdbc.update(
        """
        INSERT INTO dispute_evidence (id, dispute_id, author_id, author_role, kind, body, object_key,
          content_type, size_bytes, sha256, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        e.id(),
        e.disputeId(),
        e.authorId(),
        e.authorRole(),
        e.kind(),
        e.text(),
        e.objectKey(),
        e.contentType(),
        e.sizeBytes(),
        e.sha256(),
        Timestamp.from(e.createdAt()));
  }

  List<Evidence> evidence(String disputeId) {
    return jdbc.query(
        "SELECT * FROM dispute_evidence WHERE dispute_id = ? ORDER BY created_at, id",
        (rs, n) ->
            new Evidence(
                rs.getString("id"),
                rs.getString("dispute_id"),
                rs.getString("author_id"),
                rs.getString("author_role"),
                rs.getString("kind"),
                rs.getString("body"),
                rs.getString("object_key"),
                rs.getString("content_type"),
                (Long) rs.getObject("size_bytes", Long.class),
                rs.getString("sha256"),
                rs.getTimestamp("created_at").toInstant()),
        disputeId);
  }

  int evidenceCount(String disputeId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM dispute_evidence WHERE dispute_id = ?", Integer.class, disputeId);
  }

  private static Dispute restore(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    BigDecimal percent = rs.getBigDecimal("buyer_percent");
    Dispute.Ruling ruling =
        outcome == null
            ? null
            : new Dispute.Ruling(
                Dispute.Outcome.valueOf(outcome),
                percent == null ? null : percent.stripTrailingZeros().toPlainString(),
                Doge.ofKoinu(rs.getLong("buyer_amount")),
                Doge.ofKoinu(rs.getLong("seller_amount")),
                Doge.ofKoinu(rs.getLong("fee")),
                rs.getString("ruled_by"),
                rs.getString("ruling_reason"),
                instant(rs, "ruled_at"));
    String by = rs.getString("escalated_by");
    return Dispute.restore(
        rs.getString("id"),
        rs.getString("order_id"),
        rs.getString("buyer_id"),
        rs.getString("seller_id"),
        Doge.ofKoinu(rs.getLong("amount")),
        Dispute.Reason.valueOf(rs.getString("reason")),
        rs.getString("description"),
        instant(rs, "opened_at"),
        instant(rs, "answer_due_at"),
        Dispute.Status.valueOf(rs.getString("status")),
        rs.getString("seller_answer"),
        instant(rs, "answered_at"),
        instant(rs, "escalated_at"),
        by == null ? null : Dispute.Party.valueOf(by),
        ruling,
        rs.getInt("version"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
