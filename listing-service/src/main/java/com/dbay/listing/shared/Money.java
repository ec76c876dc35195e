package com.dbay.listing.shared;

import com.dbay.platform.money.Doge;
import com.dbay.platform.money.InvalidAmountException;

/**
 * Prices arrive as the DOGE decimal strings of the API contract. They are parsed here rather than
 * by the JSON binding so that a negative or over-precise price is a 422 naming the field, like
 * every other listing rule, and not a generic 400.
 */
public final class Money {

  private Money() {}

  /**
   * The amount, or null (with an error recorded) when the text is not a valid positive DOGE amount.
   */
  public static Doge parse(String text, String field, FieldErrors errors) {
    if (text == null || text.isBlank()) {
      errors.add(field, "is required");
      return null;
    }
    try {
      Doge amount = Doge.parse(text.trim());
      if (amount.koinu() == 0) {
        errors.add(field, "must be more than 0");
        return null;
      }
      return amount;
    } catch (InvalidAmountException e) {
      errors.add(
          field,
          text.trim().startsWith("-")
              ? "must not be negative"
              : "must be a DOGE amount with at most 8 decimal places, e.g. \"12.5\"");
      return null;
    }
  }

  /** Like {@link #parse} but empty is allowed (and zero too: free shipping). */
  public static Doge parseCost(String text, String field, FieldErrors errors) {
    if (text == null || text.isBlank()) {
      errors.add(field, "is required");
      return null;
    }
    try {
      return Doge.parse(text.trim());
    } catch (InvalidAmountException e) {
      errors.add(
          field,
          text.trim().startsWith("-")
              ? "must not be negative"
              : "must be a DOGE amount with at most 8 decimal places, e.g. \"12.5\"");
      return null;
    }
  }
}
