package com.dbay.wallet.adapter.in.web;

import com.dbay.platform.money.Doge;
import com.dbay.platform.money.InvalidAmountException;
import com.dbay.wallet.domain.WalletException;

/**
 * Amount fields of the wallet's requests, read with the platform's one strict parser ({@link
 * Doge#parseSigned}) and refused as the wallet always has: {@code invalid-amount} naming the field.
 * The wallet keeps its amounts as JSON strings it reads here rather than binding {@link Doge}
 * directly, so its refusals keep their type ({@code invalid-amount}, not {@code validation}).
 */
final class Amounts {

  private Amounts() {}

  /** An amount that may be negative or zero; the domain decides what it accepts. */
  static Doge parse(String field, String text) {
    if (text == null || text.isEmpty()) {
      throw invalid(field, field + " is required");
    }
    try {
      return Doge.parseSigned(text);
    } catch (InvalidAmountException e) {
      // The parser's messages name the field "amount"; say which field it is.
      String message = e.getMessage();
      throw invalid(
          field,
          message.startsWith("amount")
              ? field + message.substring("amount".length())
              : field + ": " + message);
    }
  }

  /** An amount that must be above zero. */
  static Doge parsePositive(String field, String text) {
    Doge amount = parse(field, text);
    if (!amount.isPositive()) {
      throw invalid(field, field + " must be greater than zero");
    }
    return amount;
  }

  private static WalletException.InvalidRequest invalid(String field, String message) {
    return new WalletException.InvalidRequest("invalid-amount", field, message);
  }
}
