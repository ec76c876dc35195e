package com.dbay.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.notification.preferences.Kinds;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NotificationRulesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void everyRulesKindHasPreferencesAndEveryKindButMarketingHasAProducer() {
    Set<String> ruled = new HashSet<>();
    for (NotificationRules.Rule r : NotificationRules.RULES) {
      assertThat(Kinds.find(r.kind())).as(r.kind()).isPresent();
      ruled.add(r.kind());
    }
    ruled.add(NotificationRules.LOST);
    for (Kinds.Kind k : Kinds.ALL) {
      if (!k.kind().equals("marketing")) {
        assertThat(ruled).as("a rule for " + k.kind()).contains(k.kind());
      }
    }
    assertThat(Kinds.find("marketing").orElseThrow().defaults()).isEmpty();
    assertThat(Kinds.byDefault("outbid", Kinds.IN_APP)).isTrue();
    assertThat(Kinds.byDefault("outbid", Kinds.EMAIL)).isTrue();
    // push on for what cannot wait (only subscribed browsers get it), off for the rest
    assertThat(Kinds.byDefault("outbid", Kinds.PUSH)).isTrue();
    assertThat(Kinds.byDefault("deposit_credited", Kinds.PUSH)).isFalse();
    assertThat(Kinds.byDefault("ending_soon", Kinds.IN_APP)).isTrue();
    assertThat(Kinds.byDefault("ending_soon", Kinds.EMAIL)).isFalse();
  }

  @Test
  void theEndingSoonRuleTellsTheWatcherNamedInTheEvent() {
    var rules = NotificationRules.forEvent("dbay.listing", "WatchedAuctionEndingSoon");
    assertThat(rules).hasSize(1);
    NotificationRules.Rule r = rules.getFirst();
    assertThat(r.recipient()).isEqualTo("userId");
    assertThat(r.kind()).isEqualTo("ending_soon");
    JsonNode detail =
        JSON.valueToTree(
            Map.of("listingId", "L9", "listingTitle", "Lamp", "remaining", "10 minutes"));
    assertThat(NotificationRules.render(r.title(), detail)).isEqualTo("Ending soon: Lamp");
    assertThat(NotificationRules.render(r.body(), detail))
        .isEqualTo("An auction you watch ends in less than 10 minutes.");
    assertThat(NotificationRules.render(r.link(), detail)).isEqualTo("/auctions/L9");
  }

  @Test
  void templatesFillFieldsTrimAmountsAndLeaveMissingOnesEmpty() {
    JsonNode detail =
        JSON.valueToTree(Map.of("listingId", "L1", "currentPrice", "12.50000000", "n", 3));
    assertThat(NotificationRules.render("/auctions/{listingId}", detail)).isEqualTo("/auctions/L1");
    assertThat(NotificationRules.render("{currentPrice|doge} DOGE", detail)).isEqualTo("12.5 DOGE");
    assertThat(NotificationRules.render("[{missing}] {n}", detail)).isEqualTo("[] 3");
    assertThat(
            NotificationRules.render("{listingId}", JSON.valueToTree(Map.of("listingId", "$1\\x"))))
        .isEqualTo("$1\\x");
    assertThat(NotificationRules.doge("100.00000000")).isEqualTo("100");
    assertThat(NotificationRules.doge("n/a")).isEqualTo("n/a");
  }

  @Test
  void theOutbidRuleSkipsSelfRaisesAndAFirstBid() {
    NotificationRules.Rule outbid = NotificationRules.forEvent("dbay.auction", "BidPlaced").get(0);
    assertThat(outbid.recipient()).isEqualTo("previousLeaderId");
    assertThat(
            outbid.when().test(JSON.valueToTree(Map.of("previousLeaderId", "a", "leaderId", "b"))))
        .isTrue();
    assertThat(
            outbid
                .when()
                .test(
                    JSON.valueToTree(
                        Map.of("previousLeaderId", "a", "leaderId", "a", "selfRaise", true))))
        .isFalse();
    assertThat(NotificationRules.forEvent("dbay.auction", "AuctionExtended")).isEmpty();
  }

  @Test
  void anOffersAnswerGoesToTheOtherParty() {
    JsonNode bySeller = JSON.valueToTree(Map.of("buyerId", "b", "sellerId", "s", "by", "SELLER"));
    JsonNode byBuyer = JSON.valueToTree(Map.of("buyerId", "b", "sellerId", "s", "by", "BUYER"));
    for (String type : new String[] {"OfferAccepted", "OfferDeclined"}) {
      var rules = NotificationRules.forEvent("dbay.order", type);
      assertThat(rules.stream().filter(r -> r.when().test(bySeller)).map(r -> r.recipient()))
          .as(type)
          .containsExactly("buyerId");
      assertThat(rules.stream().filter(r -> r.when().test(byBuyer)).map(r -> r.recipient()))
          .as(type)
          .containsExactly("sellerId");
    }
    assertThat(NotificationRules.forEvent("dbay.order", "OfferMade"))
        .singleElement()
        .satisfies(r -> assertThat(r.recipient()).isEqualTo("sellerId"));
    assertThat(NotificationRules.forEvent("dbay.order", "OfferCountered"))
        .singleElement()
        .satisfies(r -> assertThat(r.recipient()).isEqualTo("buyerId"));
    JsonNode counterExpired = JSON.valueToTree(Map.of("buyerId", "b", "awaiting", "BUYER"));
    assertThat(
            NotificationRules.forEvent("dbay.order", "OfferExpired").stream()
                .filter(r -> r.when().test(counterExpired))
                .map(r -> r.title()))
        .containsExactly("The seller's counter expired");
    JsonNode soldOut = JSON.valueToTree(Map.of("buyerId", "b", "reason", "sold-out"));
    JsonNode countered = JSON.valueToTree(Map.of("buyerId", "b", "reason", "countered"));
    var voided = NotificationRules.forEvent("dbay.order", "OfferVoided");
    assertThat(voided.stream().filter(r -> r.when().test(soldOut)).map(r -> r.recipient()))
        .containsExactly("buyerId");
    assertThat(voided.stream().filter(r -> r.when().test(countered))).isEmpty();
  }

  @Test
  void everyDisputeStepTellsBothPartiesOfTheOrder() {
    // DisputeOpened / Answered / Ruled: order-service; DisputeEscalated: DisputeWorkflow, whose
    // detail carries DisputeOpened's buyerId / sellerId (workflows/DisputeWorkflow.asl.json).
    for (String[] step :
        new String[][] {
          {"dbay.order", "DisputeOpened"},
          {"dbay.order", "DisputeAnswered"},
          {"dbay.serverless", "DisputeEscalated"},
          {"dbay.order", "DisputeRuled"}
        }) {
      var rules = NotificationRules.forEvent(step[0], step[1]);
      assertThat(rules)
          .as(step[1])
          .extracting(NotificationRules.Rule::recipient)
          .containsExactlyInAnyOrder("buyerId", "sellerId");
      for (NotificationRules.Rule r : rules) {
        assertThat(r.link()).as(step[1]).isEqualTo("/orders/{orderId}");
      }
    }
  }
}
