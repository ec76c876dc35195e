package com.dbay.listing.category;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a category's item-specifics form, e.g. "Screen Size" (number, in inches, required).
 */
public record ItemSpecific(
    String name, Type type, Requirement requirement, List<String> allowedValues, String unit) {

  public enum Type {
    TEXT,
    NUMBER,
    ENUM,
    BOOLEAN
  }

  public enum Requirement {
    REQUIRED,
    RECOMMENDED,
    OPTIONAL
  }

  static final int MAX_TEXT = 120;

  public ItemSpecific {
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
  }

  public boolean required() {
    return requirement == Requirement.REQUIRED;
  }

  /**
   * The value as it is stored, or null with the reason in {@code problem[0]} when it does not fit
   * this field: numbers are decimal text, enum values must be one of the allowed ones (compared
   * ignoring case, stored as spelled here), booleans are "true"/"false".
   */
  public String normalize(String value, String[] problem) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      problem[0] = "is empty";
      return null;
    }
    switch (type) {
      case TEXT -> {
        if (v.length() > MAX_TEXT) {
          problem[0] = "is longer than " + MAX_TEXT + " characters";
          return null;
        }
        return v;
      }
      case NUMBER -> {
        try {
          BigDecimal number = new BigDecimal(v);
          if (number.signum() < 0 || number.precision() > 12) {
            problem[0] = "must be a non-negative number";
            return null;
          }
          return number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
          problem[0] = "must be a number" + (unit == null ? "" : " (in " + unit + ")");
          return null;
        }
      }
      case ENUM -> {
        for (String allowed : allowedValues) {
          if (allowed.equalsIgnoreCase(v)) {
            return allowed;
          }
        }
        problem[0] = "must be one of " + String.join(", ", allowedValues);
        return null;
      }
      case BOOLEAN -> {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
          return v.toLowerCase();
        }
        problem[0] = "must be true or false";
        return null;
      }
    }
    throw new IllegalStateException(type.name());
  }
}
