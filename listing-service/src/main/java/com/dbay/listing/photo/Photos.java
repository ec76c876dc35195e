package com.dbay.listing.photo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Photos {

  private static final String COLUMNS =
      "id, listing_id, seller_id, status, declared_type, declared_size, position, reject_reason, created_at, processed_at";

  private final JdbcClient jdbc;

  Photos(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Photo p) {
    jdbc.sql("insert into photo (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.id(),
            p.listingId(),
            p.sellerId(),
            p.status().name(),
            p.declaredType(),
            p.declaredSize(),
            p.position(),
            p.rejectReason(),
            Timestamp.from(p.createdAt()),
            null)
        .update();
  }

  Optional<Photo> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from photo where id = ?")
        .param(id)
        .query((rs, n) -> photo(rs))
        .optional();
  }

  List<Photo> ofListing(UUID listingId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from photo where listing_id = ? and status <> 'REJECTED' order by position")
        .param(listingId)
        .query((rs, n) -> photo(rs))
        .list();
  }

  /** Photos that count towards the limit: pending and ready ones. */
  int countKept(UUID listingId) {
    return jdbc.sql("select count(*) from photo where listing_id = ? and status <> 'REJECTED'")
        .param(listingId)
        .query(Integer.class)
        .single();
  }

  int nextPosition(UUID listingId) {
    return jdbc.sql("select coalesce(max(position) + 1, 0) from photo where listing_id = ?")
        .param(listingId)
        .query(Integer.class)
        .single();
  }

  Optional<UUID> firstReady(UUID listingId) {
    return jdbc.sql(
            "select id from photo where listing_id = ? and status = 'READY' order by position limit 1")
        .param(listingId)
        .query(UUID.class)
        .optional();
  }

  /** Moves a pending photo to its outcome; false when it was not pending (a repeated report). */
  boolean settle(UUID id, Photo.Status status, String reason, Instant at) {
    return jdbc.sql(
                "update photo set status = ?, reject_reason = ?, processed_at = ? where id = ? and status = 'PENDING'")
            .params(status.name(), reason, Timestamp.from(at), id)
            .update()
        == 1;
  }

  void setPosition(UUID id, int position) {
    jdbc.sql("update photo set position = ? where id = ?").params(position, id).update();
  }

  void delete(UUID id) {
    jdbc.sql("delete from photo where id = ?").param(id).update();
  }

  private static Photo photo(ResultSet rs) throws SQLException {
    Timestamp processed = rs.getTimestamp("processed_at");
    return new Photo(
        rs.getObject("id", UUID.class),
        rs.getObject("listing_id", UUID.class),
        rs.getString("seller_id"),
        Photo.Status.valueOf(rs.getString("status")),
        rs.getString("declared_type"),
        rs.getLong("declared_size"),
        rs.getInt("position"),
        rs.getString("reject_reason"),
        rs.getTimestamp("created_at").toInstant(),
        processed == null ? null : processed.toInstant());
  }
}
