package com.dbay.order.orders;

import com.dbay.platform.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the buyer wants the item: checked at checkout, kept with the order, shown to its seller.
 * {@code country} is an ISO 3166-1 alpha-2 code.
 */
public record ShippingAddress(
    String name, String street, String city, String postalCode, String country) {

  /** The problems of this address, keyed {@code shippingAddress.<field>}; empty when fine. */
  public List<FieldProblem> problems() {
    List<FieldProblem> out = new ArrayList<>();
    check(out, "name", name, 100);
    check(out, "street", street, 200);
    check(out, "city", city, 100);
    check(out, "postalCode", postalCode, 20);
    if (country == null || !country.strip().matches("[A-Za-z]{2}")) {
      out.add(new FieldProblem("shippingAddress.country", "must be a two-letter country code"));
    }
    return out;
  }

  public ShippingAddress normalized() {
    return new ShippingAddress(
        name.strip(),
        street.strip(),
        city.strip(),
        postalCode.strip(),
        country.strip().toUpperCase());
  }

  private static void check(List<FieldProblem> out, String field, String value, int max) {
    if (value == null || value.isBlank() || value.strip().length() > max) {
      out.add(new FieldProblem("shippingAddress." + field, "must be 1 to " + max + " characters"));
    }
  }
}
