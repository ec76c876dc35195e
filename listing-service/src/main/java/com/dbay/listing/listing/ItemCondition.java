package com.dbay.listing.listing;

import java.util.Arrays;
import java.util.Optional;

/** The condition grades buyers filter by, spelled in JSON as {@code new}, {@code open-box}, ... */
public enum ItemCondition {
  NEW,
  OPEN_BOX,
  REFURBISHED,
  USED,
  FOR_PARTS;

  public String json() {
    return name().toLowerCase().replace('_', '-');
  }

  public static Optional<ItemCondition> fromJson(String text) {
    return Arrays.stream(values()).filter(c -> c.json().equals(text)).findFirst();
  }

  public static String allowed() {
    return String.join(", ", Arrays.stream(values()).map(ItemCondition::json).toList());
  }
}
