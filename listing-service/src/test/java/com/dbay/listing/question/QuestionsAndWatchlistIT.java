package com.dbay.listing.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.listing.support.ListingServiceIT;
import com.dbay.platform.identity.Identity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuestionsAndWatchlistIT extends ListingServiceIT {

  final Identity seller = user("seller");
  final Identity asker = user("asker");
  final Identity stranger = user("stranger");

  @Test
  void a_question_is_public_once_the_seller_answers_it_and_the_asker_is_told() {
    String id = createPublished(phoneAuction(), seller);

    Answer asked =
        post(
            "/api/v1/listing/listings/" + id + "/questions",
            Map.of("text", "Does it come with the box?"),
            asker);
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    String questionId = asked.json().path("id").asString();

    assertThat(get("/api/v1/listing/listings/" + id, stranger).json().path("questions"))
        .as("unanswered: not public")
        .isEmpty();
    assertThat(
            get("/api/v1/listing/listings/" + id, asker)
                .json()
                .path("questions")
                .findValuesAsString("id"))
        .containsExactly(questionId);
    assertThat(
            get("/api/v1/listing/listings/" + id, seller)
                .json()
                .path("questions")
                .findValuesAsString("id"))
        .containsExactly(questionId);

    Answer notSeller =
        post(
            "/api/v1/listing/questions/" + questionId + "/answer",
            Map.of("answer", "Yes!"),
            stranger);
    assertThat(notSeller.status()).isEqualTo(403);
    Answer answered =
        post(
            "/api/v1/listing/questions/" + questionId + "/answer",
            Map.of("answer", "Yes, and the charger."),
            seller);
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(
            post(
                    "/api/v1/listing/questions/" + questionId + "/answer",
                    Map.of("answer", "again"),
                    seller)
                .status())
        .isEqualTo(409);

    JsonNode shown = get("/api/v1/listing/listings/" + id, null).json().path("questions");
    assertThat(shown.findValuesAsString("answer")).containsExactly("Yes, and the charger.");
    assertThat(
            get("/api/v1/listing/listings/" + id + "/questions", null)
                .json()
                .path("items")
                .findValuesAsString("id"))
        .containsExactly(questionId);

    JsonNode event =
        jdbc.query(
                "select detail from platform_outbox where detail_type = 'QuestionAnswered' and detail like ?",
                (rs, n) -> JSON.readTree(rs.getString(1)),
                "%" + questionId + "%")
            .getFirst();
    assertThat(event.path("askerId").asString()).isEqualTo(asker.userId());
    assertThat(event.path("answer").asString()).isEqualTo("Yes, and the charger.");
    assertThat(event.path("listingId").asString()).isEqualTo(id);
  }

  @Test
  void asking_needs_a_signed_in_user_a_text_and_a_live_listing_that_is_not_ones_own() {
    String id = createPublished(phoneAuction(), seller);
    String draft = createDraft(phoneAuction(), seller);

    assertThat(
            post("/api/v1/listing/listings/" + id + "/questions", Map.of("text", "hi"), null)
                .status())
        .isEqualTo(401);
    assertThat(
            post("/api/v1/listing/listings/" + id + "/questions", Map.of("text", " "), asker)
                .status())
        .isEqualTo(422);
    assertThat(
            post(
                    "/api/v1/listing/listings/" + id + "/questions",
                    Map.of("text", "x".repeat(1001)),
                    asker)
                .status())
        .isEqualTo(422);
    assertThat(
            post("/api/v1/listing/listings/" + id + "/questions", Map.of("text", "me?"), seller)
                .status())
        .isEqualTo(422);
    assertThat(
            post("/api/v1/listing/listings/" + draft + "/questions", Map.of("text", "?"), asker)
                .status())
        .isEqualTo(404);
    assertThat(
            count(
                "select count(*) from question where listing_id in (?::uuid, ?::uuid)", id, draft))
        .isZero();
  }

  @Test
  void watching_adds_to_the_watchlist_and_the_watcher_count_and_unwatching_takes_it_away() {
    String id = createPublished(phoneAuction(), seller);

    Answer watched = put("/api/v1/listing/watchlist/" + id, null, asker);
    assertThat(watched.status()).as(watched.body()).isEqualTo(200);
    assertThat(put("/api/v1/listing/watchlist/" + id, null, asker).json().path("watchers").asInt())
        .as("idempotent")
        .isEqualTo(1);
    put("/api/v1/listing/watchlist/" + id, null, stranger);

    JsonNode page = get("/api/v1/listing/listings/" + id, asker).json();
    assertThat(page.path("watchers").asInt()).isEqualTo(2);
    assertThat(page.path("watching").asBoolean()).isTrue();
    assertThat(
            get("/api/v1/listing/watchlist", asker).json().path("items").findValuesAsString("id"))
        .containsExactly(id);

    assertThat(delete("/api/v1/listing/watchlist/" + id, asker).status()).isEqualTo(204);
    assertThat(get("/api/v1/listing/watchlist", asker).json().path("items")).isEmpty();
    assertThat(get("/api/v1/listing/listings/" + id, null).json().path("watchers").asInt())
        .isEqualTo(1);
  }

  @Test
  void nobody_watches_a_draft_or_their_own_listing_or_anything_without_signing_in() {
    String id = createPublished(phoneAuction(), seller);
    String draft = createDraft(phoneAuction(), seller);

    assertThat(put("/api/v1/listing/watchlist/" + draft, null, asker).status()).isEqualTo(404);
    assertThat(put("/api/v1/listing/watchlist/" + id, null, seller).status()).isEqualTo(422);
    assertThat(put("/api/v1/listing/watchlist/" + id, null, null).status()).isEqualTo(401);
    assertThat(get("/api/v1/listing/watchlist", null).status()).isEqualTo(401);
    assertThat(
            count("select count(*) from watch where listing_id in (?::uuid, ?::uuid)", id, draft))
        .isZero();
  }
}
