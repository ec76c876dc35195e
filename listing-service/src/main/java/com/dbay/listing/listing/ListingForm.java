package com.dbay.listing.listing;

import com.dbay.listing.category.Category;
import com.dbay.listing.category.CategoryCatalog;
import com.dbay.listing.category.ItemSpecific;
import com.dbay.listing.shared.FieldErrors;
import com.dbay.listing.shared.Money;
import com.dbay.platform.money.Doge;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A listing as the seller's client sends it (create and edit take the whole form). Prices are DOGE
 * strings. {@link #check} turns it into {@link ListingContent} or refuses with every bad field
 * named.
 */
public record ListingForm(
    String title,
    String description,
    String condition,
    Long categoryId,
    Map<String, String> itemSpecifics,
    String format,
    String startPrice,
    String reservePrice,
    String buyItNowPrice,
    String price,
    Integer quantity,
    Integer durationDays,
    Integer durationMinutes,
    String scheduledStart,
    List<Shipping> shippingOptions,
    List<String> shipsTo,
    Boolean acceptsOffers,
    String autoAcceptPrice,
    String autoDeclinePrice) {

  public record Shipping(String service, String cost) {}

  static final int MAX_TITLE = 80;
  static final int MAX_DESCRIPTION = 50_000;
  static final int MAX_SHIPPING_OPTIONS = 5;
  static final int MAX_QUANTITY = 10_000;

  /**
   * 10^9 DOGE: far above any real sale, far below the 64-bit koinu limit even with shipping added.
   */
  static final Doge MAX_PRICE = Doge.ofDoge(1_000_000_000L);

  private static final Pattern REGION =
      Pattern.compile(
          "[A-Z]{2}|worldwide|north-america|south-america|europe|asia|africa|oceania|middle-east");

  ListingContent check(CategoryCatalog categories, ListingRules rules, Instant now) {
    FieldErrors errors = new FieldErrors();
    String t = text(title, "title", MAX_TITLE, errors);
    String d = text(description, "description", MAX_DESCRIPTION, errors);
    ItemCondition c = null;
    if (condition == null || condition.isBlank()) {
      errors.add("condition", "is required (" + ItemCondition.allowed() + ")");
    } else {
      c = ItemCondition.fromJson(condition.strip()).orElse(null);
      if (c == null) {
        errors.add("condition", "must be one of " + ItemCondition.allowed());
      }
    }
    Category category = categories.leafFor(categoryId, "categoryId", errors);
    Map<String, String> specifics = category == null ? Map.of() : specifics(category, errors);

    ListingFormat f = null;
    if ("auction".equals(format)) {
      f = ListingFormat.AUCTION;
    } else if ("fixed".equals(format)) {
      f = ListingFormat.FIXED;
    } else {
      errors.add("format", "must be auction or fixed");
    }

    Doge start = null;
    Doge reserve = null;
    Doge buyItNow = null;
    int qty = 1;
    Duration duration = null;
    if (f == ListingFormat.AUCTION) {
      start = price(startPrice, "startPrice", errors);
      if (notBlank(reservePrice)) {
        reserve = price(reservePrice, "reservePrice", errors);
        if (start != null && reserve != null && reserve.compareTo(start) < 0) {
          errors.add("reservePrice", "must not be below the start price " + start);
        }
      }
      if (notBlank(buyItNowPrice)) {
        buyItNow = price(buyItNowPrice, "buyItNowPrice", errors);
        if (start != null && buyItNow != null && buyItNow.compareTo(start) <= 0) {
          errors.add("buyItNowPrice", "must be above the start price " + start);
        } else if (reserve != null && buyItNow != null && buyItNow.compareTo(reserve) < 0) {
          errors.add("buyItNowPrice", "must not be below the reserve price");
        }
      }
      if (quantity != null && quantity != 1) {
        errors.add("quantity", "an auction sells exactly one item");
      }
      if (notBlank(price)) {
        errors.add("price", "an auction has a startPrice, not a price");
      }
      duration = duration(rules.auctionDays(), rules, 7, errors);
    } else if (f == ListingFormat.FIXED) {
      start = price(price, "price", errors);
      if (notBlank(startPrice) || notBlank(reservePrice) || notBlank(buyItNowPrice)) {
        errors.add(
            "format",
            "a fixed-price listing has a price (no startPrice, reservePrice or buyItNowPrice)");
      }
      qty = quantity == null ? 1 : quantity;
      if (qty < 1 || qty > MAX_QUANTITY) {
        errors.add("quantity", "must be between 1 and " + MAX_QUANTITY);
      }
      duration = duration(rules.fixedDays(), rules, 30, errors);
    }
    BestOffer bestOffer = bestOffer(f, start, errors);

    Instant scheduled = null;
    if (notBlank(scheduledStart)) {
      try {
        scheduled =
            Instant.parse(scheduledStart.strip()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (!scheduled.isAfter(now)) {
          errors.add("scheduledStart", "must be in the future");
        } else if (scheduled.isAfter(now.plus(rules.maxScheduleAhead()))) {
          errors.add(
              "scheduledStart", "must be within " + rules.maxScheduleAhead().toDays() + " days");
        }
      } catch (DateTimeParseException e) {
        errors.add("scheduledStart", "must be an ISO-8601 instant, e.g. 2026-12-24T18:00:00Z");
      }
    }

    List<ShippingOption> shipping = new ArrayList<>();
    if (shippingOptions == null || shippingOptions.isEmpty()) {
      errors.add("shippingOptions", "at least one shipping option is required");
    } else if (shippingOptions.size() > MAX_SHIPPING_OPTIONS) {
      errors.add("shippingOptions", "at most " + MAX_SHIPPING_OPTIONS + " options");
    } else {
      for (int i = 0; i < shippingOptions.size(); i++) {
        Shipping s = shippingOptions.get(i);
        String field = "shippingOptions[" + i + "]";
        if (s == null) {
          errors.add(field, "is empty");
          continue;
        }
        String service = text(s.service(), field + ".service", 60, errors);
        Doge cost = Money.parseCost(s.cost(), field + ".cost", errors);
        if (cost != null && cost.compareTo(MAX_PRICE) > 0) {
          errors.add(field + ".cost", "is above " + MAX_PRICE);
        } else if (service != null && cost != null) {
          shipping.add(new ShippingOption(service, cost));
        }
      }
    }
    List<String> regions = new ArrayList<>();
    if (shipsTo == null || shipsTo.isEmpty()) {
      errors.add("shipsTo", "at least one region is required (e.g. worldwide, europe, US)");
    } else if (shipsTo.size() > 20) {
      errors.add("shipsTo", "at most 20 regions");
    } else {
      for (String r : shipsTo) {
        if (r == null || !REGION.matcher(r).matches()) {
          errors.add(
              "shipsTo",
              "unknown region '"
                  + r
                  + "' (a country code like US or DE, or worldwide, europe, asia, ...)");
        } else if (!regions.contains(r)) {
          regions.add(r);
        }
      }
    }
    errors.throwIfAny();
    return new ListingContent(
        t,
        d,
        c,
        category.id(),
        specifics,
        f,
        start,
        reserve,
        buyItNow,
        qty,
        duration,
        scheduled,
        shipping,
        regions,
        bestOffer);
  }

  /**
   * Best Offer (fixed price only): both prices optional, auto-accept below the price, auto-decline
   * below auto-accept. Prices without {@code acceptsOffers: true} are a mistake, not ignored.
   */
  private BestOffer bestOffer(ListingFormat f, Doge listPrice, FieldErrors errors) {
    boolean on = Boolean.TRUE.equals(acceptsOffers);
    if (!on) {
      if (notBlank(autoAcceptPrice) || notBlank(autoDeclinePrice)) {
        errors.add("acceptsOffers", "must be true for auto-accept or auto-decline prices");
      }
      return null;
    }
    if (f != ListingFormat.FIXED) {
      errors.add("acceptsOffers", "only a fixed-price listing takes offers");
      return null;
    }
    Doge accept =
        notBlank(autoAcceptPrice) ? price(autoAcceptPrice, "autoAcceptPrice", errors) : null;
    Doge decline =
        notBlank(autoDeclinePrice) ? price(autoDeclinePrice, "autoDeclinePrice", errors) : null;
    if (accept != null && listPrice != null && accept.compareTo(listPrice) >= 0) {
      errors.add("autoAcceptPrice", "must be below the price " + listPrice);
    }
    if (decline != null && listPrice != null && decline.compareTo(listPrice) >= 0) {
      errors.add("autoDeclinePrice", "must be below the price " + listPrice);
    }
    if (accept != null && decline != null && decline.compareTo(accept) >= 0) {
      errors.add("autoDeclinePrice", "must be below the auto-accept price " + accept);
    }
    return new BestOffer(accept, decline);
  }

  private Map<String, String> specifics(Category category, FieldErrors errors) {
    Map<String, String> given = itemSpecifics == null ? Map.of() : itemSpecifics;
    Map<String, ItemSpecific> form = new LinkedHashMap<>();
    category.specifics().forEach(s -> form.put(s.name(), s));
    Map<String, String> out = new LinkedHashMap<>();
    for (ItemSpecific s : category.specifics()) {
      String value = given.get(s.name());
      if (value == null || value.isBlank()) {
        if (s.required()) {
          errors.add("itemSpecifics." + s.name(), "is required for " + category.name());
        }
        continue;
      }
      String[] problem = new String[1];
      String normalized = s.normalize(value, problem);
      if (normalized == null) {
        errors.add("itemSpecifics." + s.name(), problem[0]);
      } else {
        out.put(s.name(), normalized);
      }
    }
    for (String name : given.keySet()) {
      if (!form.containsKey(name)) {
        errors.add("itemSpecifics." + name, "is not an item specific of " + category.name());
      }
    }
    return out;
  }

  private Duration duration(
      List<Integer> allowedDays, ListingRules rules, int defaultDays, FieldErrors errors) {
    if (durationMinutes != null) {
      if (!rules.minuteDurations()) {
        errors.add("durationMinutes", "is not accepted here; use durationDays");
        return null;
      }
      if (durationMinutes < 1 || durationMinutes > 120) {
        errors.add("durationMinutes", "must be between 1 and 120");
        return null;
      }
      return Duration.ofMinutes(durationMinutes);
    }
    int days = durationDays == null ? defaultDays : durationDays;
    if (!allowedDays.contains(days)) {
      errors.add("durationDays", "must be one of " + allowedDays);
      return null;
    }
    return Duration.ofDays(days);
  }

  private static Doge price(String text, String field, FieldErrors errors) {
    Doge amount = Money.parse(text, field, errors);
    if (amount != null && amount.compareTo(MAX_PRICE) > 0) {
      errors.add(field, "must not be above " + MAX_PRICE);
      return null;
    }
    return amount;
  }

  private static String text(String value, String field, int max, FieldErrors errors) {
    if (value == null || value.isBlank()) {
      errors.add(field, "is required");
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      errors.add(field, "must be at most " + max + " characters");
      return null;
    }
    if (v.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
      errors.add(field, "must not contain control characters");
      return null;
    }
    return v;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
