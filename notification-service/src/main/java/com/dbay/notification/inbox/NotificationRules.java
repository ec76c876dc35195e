package com.dbay.notification.inbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What each event tells whom: one row per (source, detail-type, recipient field, kind), with the
 * title, body and link as templates over the event's detail ({@code {field}}, {@code {field|doge}}
 * for an amount). A recipient field that the event does not carry notifies nobody, so the rows of
 * events whose producers land later (orders, offers, disputes, messages) need no code when they do:
 * only a detail with the field names of the team contract. Every kind is in the preferences'
 * catalogue ({@code preferences.Kinds}), which says who gets it on which channel.
 */
public final class NotificationRules {

  /**
   * @param recipient the detail field holding the user id to notify
   * @param when extra condition on the detail (the outbid rule's "someone else took the lead")
   */
  public record Rule(
      String source,
      String detailType,
      String recipient,
      String kind,
      String title,
      String body,
      String link,
      Predicate<JsonNode> when) {}

  private static final Predicate<JsonNode> ALWAYS = d -> true;

  /**
   * Who bid on an auction and did not win it: derived from BidPlaced (AuctionSold names only the
   * winner).
   */
  public static final String LOST = "auction_lost";

  public static final List<Rule> RULES =
      List.of(
          // BidPlaced names the previous leader when this bid took the lead from them.
          new Rule(
              "dbay.auction",
              "BidPlaced",
              "previousLeaderId",
              "outbid",
              "You were outbid",
              "Someone bid more; the price is now {currentPrice|doge} DOGE.",
              "/auctions/{listingId}",
              d ->
                  !d.path("selfRaise").asBoolean(false)
                      && !text(d, "previousLeaderId").equals(text(d, "leaderId"))),
          new Rule(
              "dbay.serverless",
              "AuctionWon",
              "buyerId",
              "auction_won",
              "You won an auction",
              "You won for {price|doge} DOGE; the order is paid into escrow.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.serverless",
              "ItemSold",
              "sellerId",
              "auction_sold",
              "Your item sold",
              "It sold for {price|doge} DOGE; the buyer's payment is in escrow.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.auction",
              "AuctionUnsold",
              "sellerId",
              "auction_unsold",
              "Your auction ended unsold",
              "The auction ended without a sale.",
              "/listings/{listingId}",
              ALWAYS),
          // listing-service's EndingSoon: one event per watcher, 1 hour and 10 minutes before the
          // end.
          new Rule(
              "dbay.listing",
              "WatchedAuctionEndingSoon",
              "userId",
              "ending_soon",
              "Ending soon: {listingTitle}",
              "An auction you watch ends in less than {remaining}.",
              "/auctions/{listingId}",
              ALWAYS),
          new Rule(
              "dbay.listing",
              "QuestionAsked",
              "sellerId",
              "question_asked",
              "New question on {listingTitle}",
              "{question}",
              "/listings/{listingId}",
              ALWAYS),
          new Rule(
              "dbay.listing",
              "QuestionAnswered",
              "askerId",
              "question_answered",
              "Your question on {listingTitle} was answered",
              "{answer}",
              "/listings/{listingId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "OrderCreated",
              "sellerId",
              "order_paid",
              "New order paid",
              "The buyer paid {price|doge} DOGE into escrow. Ship the item.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "OrderShipped",
              "buyerId",
              "order_shipped",
              "Your order shipped",
              "Sent with {carrier}, tracking {trackingNumber}.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "OrderReceived",
              "sellerId",
              "order_received",
              "The buyer received the item",
              "The buyer confirmed receipt.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "OrderCompleted",
              "sellerId",
              "order_completed",
              "Order completed",
              "{sellerAmount|doge} DOGE were released to you.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "OrderCancelled",
              "buyerId",
              "order_cancelled",
              "Order cancelled",
              "The order was cancelled and the escrow refunded.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "OrderCancelled",
              "sellerId",
              "order_cancelled",
              "Order cancelled",
              "The order was cancelled and the escrow refunded to the buyer.",
              "/orders/{orderId}",
              ALWAYS),
          // Offers (order-service, package offers): each answer goes to the other party; "by" and
          // "awaiting" (BUYER|SELLER) say who acted or was silent.
          new Rule(
              "dbay.order",
              "OfferMade",
              "sellerId",
              "offer_made",
              "New offer",
              "A buyer offers {amount|doge} DOGE each for {quantity}; answer within 48 hours.",
              "/offers",
              ALWAYS),
          new Rule(
              "dbay.order",
              "OfferAccepted",
              "buyerId",
              "offer_accepted",
              "Your offer was accepted",
              "The seller accepted {amount|doge} DOGE each; the order is paid from the held funds.",
              "/orders/{orderId}",
              d -> !"BUYER".equals(text(d, "by"))),
          new Rule(
              "dbay.order",
              "OfferAccepted",
              "sellerId",
              "offer_accepted",
              "Your counter was accepted",
              "The buyer accepted {amount|doge} DOGE each; the order is paid into escrow.",
              "/orders/{orderId}",
              d -> "BUYER".equals(text(d, "by"))),
          new Rule(
              "dbay.order",
              "OfferDeclined",
              "buyerId",
              "offer_declined",
              "Your offer was declined",
              "The seller declined {amount|doge} DOGE; the held funds are released.",
              "/offers",
              d -> !"BUYER".equals(text(d, "by"))),
          new Rule(
              "dbay.order",
              "OfferDeclined",
              "sellerId",
              "offer_declined",
              "Your counter was declined",
              "The buyer declined your counter of {amount|doge} DOGE.",
              "/offers",
              d -> "BUYER".equals(text(d, "by"))),
          new Rule(
              "dbay.order",
              "OfferCountered",
              "buyerId",
              "offer_countered",
              "The seller countered your offer",
              "The seller asks {amount|doge} DOGE each; answer within 48 hours.",
              "/offers",
              ALWAYS),
          new Rule(
              "dbay.order",
              "OfferExpired",
              "buyerId",
              "offer_expired",
              "Your offer expired",
              "The seller did not answer your offer of {amount|doge} DOGE in time; the funds are released.",
              "/offers",
              d -> !"BUYER".equals(text(d, "awaiting"))),
          new Rule(
              "dbay.order",
              "OfferExpired",
              "buyerId",
              "offer_expired",
              "The seller's counter expired",
              "You did not answer the counter of {amount|doge} DOGE in time; the funds are released.",
              "/offers",
              d -> "BUYER".equals(text(d, "awaiting"))),
          // Voided because the listing ended or sold out (order-service's listing subscriber); a
          // void by the buyer's own newer counter ("countered") needs no word.
          new Rule(
              "dbay.order",
              "OfferVoided",
              "buyerId",
              "offer_voided",
              "Your offer ended",
              "The listing is no longer for sale, so your offer ended; the held funds are released.",
              "/offers",
              d -> !"countered".equals(text(d, "reason"))),
          new Rule(
              "dbay.order",
              "DisputeOpened",
              "sellerId",
              "dispute_opened",
              "A buyer opened a dispute",
              "Answer the dispute on the order.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "DisputeOpened",
              "buyerId",
              "dispute_opened",
              "Your dispute was opened",
              "The seller has 3 days to answer it.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "DisputeAnswered",
              "sellerId",
              "dispute_answered",
              "Your answer to a dispute was recorded",
              "See the dispute on the order.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "DisputeAnswered",
              "buyerId",
              "dispute_answered",
              "The seller answered your dispute",
              "See the answer on the order.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.serverless",
              "DisputeEscalated",
              "buyerId",
              "dispute_escalated",
              "Your dispute went to DBay",
              "An administrator will rule on it.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.serverless",
              "DisputeEscalated",
              "sellerId",
              "dispute_escalated",
              "A dispute went to DBay",
              "An administrator will rule on it.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "DisputeRuled",
              "buyerId",
              "dispute_ruled",
              "Your dispute was ruled",
              "Outcome: {outcome}.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.order",
              "DisputeRuled",
              "sellerId",
              "dispute_ruled",
              "A dispute was ruled",
              "Outcome: {outcome}.",
              "/orders/{orderId}",
              ALWAYS),
          new Rule(
              "dbay.wallet",
              "DepositCredited",
              "userId",
              "deposit_credited",
              "Deposit credited",
              "{amount|doge} DOGE are now in your wallet.",
              "/wallet",
              ALWAYS),
          new Rule(
              "dbay.wallet",
              "WithdrawalBroadcast",
              "userId",
              "withdrawal_sent",
              "Withdrawal sent",
              "{amount|doge} DOGE are on their way to {address}.",
              "/wallet/withdrawals/{withdrawalId}",
              ALWAYS),
          new Rule(
              "dbay.wallet",
              "WithdrawalCompleted",
              "userId",
              "withdrawal_confirmed",
              "Withdrawal confirmed",
              "{amount|doge} DOGE to {address} are confirmed.",
              "/wallet/withdrawals/{withdrawalId}",
              ALWAYS),
          new Rule(
              "dbay.wallet",
              "WithdrawalStuck",
              "userId",
              "withdrawal_stuck",
              "Withdrawal delayed",
              "Your withdrawal of {amount|doge} DOGE is taking longer than usual; we are on it.",
              "/wallet/withdrawals/{withdrawalId}",
              ALWAYS),
          new Rule(
              "dbay.messaging",
              "MessageSent",
              "recipientId",
              "new_message",
              "New message from {senderName}",
              "{preview}",
              "/messages/{threadId}",
              ALWAYS),
          new Rule(
              "dbay.search",
              "SavedSearchMatched",
              "userId",
              "saved_search_matched",
              "New match for \"{savedSearchName}\"",
              "{title}",
              "/listings/{listingId}",
              ALWAYS));

  private NotificationRules() {}

  public static List<Rule> forEvent(String source, String detailType) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : RULES) {
      if (r.source().equals(source) && r.detailType().equals(detailType)) {
        out.add(r);
      }
    }
    return out;
  }

  private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9_]+)(\\|doge)?}");

  /** The template with the detail's fields filled in (missing ones empty). */
  public static String render(String template, JsonNode detail) {
    Matcher m = FIELD.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = text(detail, m.group(1));
      if (m.group(2) != null) {
        value = doge(value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String text(JsonNode detail, String field) {
    JsonNode v = detail == null ? null : detail.get(field);
    return v == null || v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString();
  }

  /** "12.50000000" -> "12.5"; anything that is not a decimal stays as it is. */
  static String doge(String amount) {
    try {
      return new BigDecimal(amount).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return amount;
    }
  }
}
