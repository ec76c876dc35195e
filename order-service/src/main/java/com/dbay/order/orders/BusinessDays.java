package com.dbay.order.orders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Business days as the order deadlines count them: Monday to Friday in UTC, no public holidays
 * (DBay's buyers and sellers are in every country; no one calendar of holidays fits them all).
 */
final class BusinessDays {

  private BusinessDays() {}

  /**
   * The same time of day {@code days} business days later: each step moves a day, and only a step
   * landing on a weekday counts (paid on Friday 10:00, 3 business days end Wednesday 10:00; paid on
   * Saturday, they end Wednesday too).
   */
  static Instant after(Instant start, int days) {
    ZonedDateTime t = start.atZone(ZoneOffset.UTC);
    int counted = 0;
    while (counted < days) {
      t = t.plusDays(1);
      if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
        counted++;
      }
    }
    return t.toInstant();
  }
}
