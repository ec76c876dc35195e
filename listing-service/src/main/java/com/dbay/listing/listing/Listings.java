package com.dbay.listing.listing;

import com.dbay.listing.shared.Refusal;
import com.dbay.platform.money.Doge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores listings: the record in PostgreSQL, the item specifics through {@link ItemSpecificsStore}.
 */
@Repository
public class Listings {

  private static final String COLUMNS =
      "id, seller_id, seller_name, title, description, item_condition, category_id, format, status,"
          + " start_price, reserve_price, buy_it_now_price, current_price, quantity, quantity_sold, duration_minutes, scheduled_start,"
          + " starts_at, ends_at, ended_at, ships_to, bid_count, views, created_at, updated_at, version,"
          + " accepts_offers, auto_accept_price, auto_decline_price";

  private final JdbcClient jdbc;
  private final ItemSpecificsStore specifics;

  Listings(JdbcClient jdbc, ItemSpecificsStore specifics) {
    this.jdbc = jdbc;
    this.specifics = specifics;
  }

  public Optional<Listing> find(UUID id) {
    return load("select " + COLUMNS + " from listing where id = ?", List.of(id)).stream()
        .findFirst();
  }

  /**
   * For a change: the row stays locked until the transaction ends, so concurrent changes queue up.
   */
  public Listing lock(UUID id) {
    return load("select " + COLUMNS + " from listing where id = ? for update", List.of(id)).stream()
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("Listing " + id));
  }

  public List<Listing> bySeller(String sellerId, ListingStatus status, int limit) {
    return status == null
        ? load(
            "select "
                + COLUMNS
                + " from listing where seller_id = ? order by created_at desc limit ?",
            List.of(sellerId, limit))
        : load(
            "select "
                + COLUMNS
                + " from listing where seller_id = ? and status = ? order by created_at desc limit ?",
            List.of(sellerId, status.name(), limit));
  }

  /**
   * Every published listing in id order after {@code after}: the search index is rebuilt from
   * these.
   */
  public List<Listing> publishedAfter(UUID after, int limit) {
    return after == null
        ? load(
            "select " + COLUMNS + " from listing where status <> 'DRAFT' order by id limit ?",
            List.of(limit))
        : load(
            "select "
                + COLUMNS
                + " from listing where status <> 'DRAFT' and id > ? order by id limit ?",
            List.of(after, limit));
  }

  /**
   * Ids of listings whose clock has something to do: scheduled ones due to start, live ones due to
   * end.
   */
  public List<UUID> due(Instant now, int limit) {
    return jdbc.sql(
            "select id from listing where (status = 'SCHEDULED' and starts_at <= ?) or (status = 'ACTIVE' and ends_at <= ?)"
                + " order by coalesce(starts_at, ends_at) limit ?")
        .params(Timestamp.from(now), Timestamp.from(now), limit)
        .query(UUID.class)
        .list();
  }

  public void countView(UUID id) {
    jdbc.sql("update listing set views = views + 1 where id = ?").param(id).update();
  }

  public void insert(Listing l) {
    ListingContent c = l.content();
    jdbc.sql(
            "insert into listing ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            l.id(),
            l.sellerId(),
            l.sellerName(),
            c.title(),
            c.description(),
            c.condition().name(),
            c.categoryId(),
            c.format().name(),
            l.status().name(),
            c.startPrice().koinu(),
            koinu(c.reservePrice()),
            koinu(c.buyItNowPrice()),
            l.currentPrice().koinu(),
            c.quantity(),
            l.quantitySold(),
            (int) c.duration().toMinutes(),
            ts(c.scheduledStart()),
            ts(l.startsAt()),
            ts(l.endsAt()),
            ts(l.endedAt()),
            String.join(",", c.shipsTo()),
            l.bidCount(),
            l.views(),
            ts(l.createdAt()),
            ts(l.updatedAt()),
            l.version(),
            c.bestOffer() != null,
            c.bestOffer() == null ? null : koinu(c.bestOffer().autoAccept()),
            c.bestOffer() == null ? null : koinu(c.bestOffer().autoDecline()))
        .update();
    saveShipping(l);
    specifics.save(l.id(), c.categoryId(), c.itemSpecifics(), l.version());
    l.eventsPublished();
  }

  /** Writes a changed listing; refuses if someone else changed it since it was loaded. */
  public void update(Listing l) {
    if (l.version() == l.loadedVersion()) {
      return;
    }
    ListingContent c = l.content();
    int updated =
        jdbc.sql(
                "update listing set title = ?, description = ?, item_condition = ?, category_id = ?, format = ?, status = ?,"
                    + " start_price = ?, reserve_price = ?, buy_it_now_price = ?, current_price = ?, quantity = ?, quantity_sold = ?,"
                    + " duration_minutes = ?, scheduled_start = ?, starts_at = ?, ends_at = ?, ended_at = ?, ships_to = ?, bid_count = ?,"
                    + " updated_at = ?, version = ?, accepts_offers = ?, auto_accept_price = ?,"
                    + " auto_decline_price = ? where id = ? and version = ?")
            .params(
                c.title(),
                c.description(),
                c.condition().name(),
                c.categoryId(),
                c.format().name(),
                l.status().name(),
                c.startPrice().koinu(),
                koinu(c.reservePrice()),
                koinu(c.buyItNowPrice()),
                l.currentPrice().koinu(),
                c.quantity(),
                l.quantitySold(),
                (int) c.duration().toMinutes(),
                ts(c.scheduledStart()),
                ts(l.startsAt()),
                ts(l.endsAt()),
                ts(l.endedAt()),
                String.join(",", c.shipsTo()),
                l.bidCount(),
                ts(l.updatedAt()),
                l.version(),
                c.bestOffer() != null,
                c.bestOffer() == null ? null : koinu(c.bestOffer().autoAccept()),
                c.bestOffer() == null ? null : koinu(c.bestOffer().autoDecline()),
                l.id(),
                l.loadedVersion())
            .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("listing " + l.id() + " changed meanwhile");
    }
    jdbc.sql("delete from listing_shipping where listing_id = ?").param(l.id()).update();
    saveShipping(l);
    specifics.save(l.id(), c.categoryId(), c.itemSpecifics(), l.version());
  }

  private void saveShipping(Listing l) {
    int position = 0;
    for (ShippingOption o : l.content().shipping()) {
      jdbc.sql(
              "insert into listing_shipping (listing_id, position, service, cost) values (?, ?, ?, ?)")
          .params(l.id(), position++, o.service(), o.cost().koinu())
          .update();
    }
  }

  private List<Listing> load(String sql, List<?> params) {
    List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(r -> r.id).toList();
    Map<UUID, List<ShippingOption>> shipping = new HashMap<>();
    jdbc.sql(
            "select listing_id, service, cost from listing_shipping where listing_id = any(?) order by listing_id, position")
        .param(ids.toArray(UUID[]::new))
        .query(
            rs -> {
              shipping
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(new ShippingOption(rs.getString(2), Doge.ofKoinu(rs.getLong(3))));
            });
    Map<UUID, Map<String, String>> specs = specifics.findAll(ids);
    List<Listing> out = new ArrayList<>();
    for (Row r : rows) {
      ListingContent content =
          new ListingContent(
              r.title,
              r.description,
              ItemCondition.valueOf(r.condition),
              r.categoryId,
              specs.getOrDefault(r.id, Map.of()),
              ListingFormat.valueOf(r.format),
              Doge.ofKoinu(r.startPrice),
              doge(r.reserve),
              doge(r.buyItNow),
              r.quantity,
              Duration.ofMinutes(r.durationMinutes),
              r.scheduledStart,
              shipping.getOrDefault(r.id, List.of()),
              r.shipsTo.isEmpty() ? List.of() : Arrays.asList(r.shipsTo.split(",")),
              r.acceptsOffers ? new BestOffer(doge(r.autoAccept), doge(r.autoDecline)) : null);
      out.add(
          Listing.restore(
              r.id,
              r.sellerId,
              r.sellerName,
              content,
              ListingStatus.valueOf(r.status),
              Doge.ofKoinu(r.currentPrice),
              r.quantitySold,
              r.startsAt,
              r.endsAt,
              r.endedAt,
              r.bidCount,
              r.views,
              r.createdAt,
              r.updatedAt,
              r.version));
    }
    return out;
  }

  private record Row(
      UUID id,
      String sellerId,
      String sellerName,
      String title,
      String description,
      String condition,
      long categoryId,
      String format,
      String status,
      long startPrice,
      Long reserve,
      Long buyItNow,
      long currentPrice,
      int quantity,
      int quantitySold,
      int durationMinutes,
      Instant scheduledStart,
      Instant startsAt,
      Instant endsAt,
      Instant endedAt,
      String shipsTo,
      int bidCount,
      long views,
      Instant createdAt,
      Instant updatedAt,
      long version,
      boolean acceptsOffers,
      Long autoAccept,
      Long autoDecline) {}

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getString("seller_id"),
        rs.getString("seller_name"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("item_condition"),
        rs.getLong("category_id"),
        rs.getString("format"),
        rs.getString("status"),
        rs.getLong("start_price"),
        rs.getObject("reserve_price", Long.class),
        rs.getObject("buy_it_now_price", Long.class),
        rs.getLong("current_price"),
        rs.getInt("quantity"),
        rs.getInt("quantity_sold"),
        rs.getInt("duration_minutes"),
        instant(rs, "scheduled_start"),
        instant(rs, "starts_at"),
        instant(rs, "ends_at"),
        instant(rs, "ended_at"),
        rs.getString("ships_to"),
        rs.getInt("bid_count"),
        rs.getLong("views"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getLong("version"),
        rs.getBoolean("accepts_offers"),
        rs.getObject("auto_accept_price", Long.class),
        rs.getObject("auto_decline_price", Long.class));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Long koinu(Doge d) {
    return d == null ? null : d.koinu();
  }

  private static Doge doge(Long koinu) {
    return koinu == null ? null : Doge.ofKoinu(koinu);
  }
}
