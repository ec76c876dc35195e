package com.dbay.listing.watch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Watches {

  private final JdbcClient jdbc;

  Watches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String userId, UUID listingId, Instant at) {
    jdbc.sql(
            "insert into watch (user_id, listing_id, created_at) values (?, ?, ?) on conflict do nothing")
        .params(userId, listingId, Timestamp.from(at))
        .update();
  }

  void remove(String userId, UUID listingId) {
    jdbc.sql("delete from watch where user_id = ? and listing_id = ?")
        .params(userId, listingId)
        .update();
  }

  List<UUID> of(String userId) {
    return jdbc.sql("select listing_id from watch where user_id = ? order by created_at desc")
        .param(userId)
        .query(UUID.class)
        .list();
  }

  boolean exists(String userId, UUID listingId) {
    return jdbc.sql("select count(*) from watch where user_id = ? and listing_id = ?")
            .params(userId, listingId)
            .query(Integer.class)
            .single()
        > 0;
  }

  int countOf(String userId) {
    return jdbc.sql("select count(*) from watch where user_id = ?")
        .param(userId)
        .query(Integer.class)
        .single();
  }

  Map<UUID, Integer> watchers(Collection<UUID> listingIds) {
    Map<UUID, Integer> out = new HashMap<>();
    if (listingIds.isEmpty()) {
      return out;
    }
    jdbc.sql("select listing_id, count(*) from watch where listing_id = any(?) group by listing_id")
        .param(listingIds.toArray(UUID[]::new))
        .query(
            rs -> {
              out.put(rs.getObject(1, UUID.class), rs.getInt(2));
            });
    return out;
  }
}
