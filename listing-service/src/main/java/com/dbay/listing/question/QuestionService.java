package com.dbay.listing.question;

import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingService;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone signed in asks the seller of a live listing in public; only that seller answers, once. An
 * answered question shows on the listing for everyone; an unanswered one only to its asker and the
 * seller.
 */
@Service
public class QuestionService {

  static final int MAX_QUESTION = 1000;
  static final int MAX_ANSWER = 2000;

  private final Questions questions;
  private final ListingService listings;
  private final Outbox outbox;
  private final Clock clock;

  QuestionService(Questions questions, ListingService listings, Outbox outbox, Clock clock) {
    this.questions = questions;
    this.listings = listings;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public Question ask(UUID listingId, Identity asker, String text) {
    Listing listing = listings.visibleTo(listingId, asker.userId());
    if (listing.isSeller(asker.userId())) {
      throw Refusal.invalid(
          "text", "sellers answer questions on their own listings; they do not ask them");
    }
    if (!listing.status().isOpen()) {
      throw Refusal.wrongState(
          "listing-closed",
          "The listing has " + listing.status().json() + "; questions are closed.");
    }
    String q = checked(text, "text", MAX_QUESTION);
    Instant now = clock.instant();
    String name = asker.username().isBlank() ? asker.userId() : asker.username();
    Question question =
        new Question(UUID.randomUUID(), listingId, asker.userId(), name, q, null, now, null);
    questions.insert(question);
    outbox.publish(
        "QuestionAsked",
        new QuestionEvents.QuestionAsked(
            question.id().toString(),
            listingId.toString(),
            listing.content().title(),
            listing.sellerId(),
            asker.userId(),
            q,
            now));
    return question;
  }

  @Transactional
  public Question answer(UUID questionId, Identity seller, String text) {
    Question question = find(questionId);
    Listing listing = listings.visibleTo(question.listingId(), seller.userId());
    if (!listing.isSeller(seller.userId())) {
      throw Refusal.notAllowed("Only the seller answers questions on a listing.");
    }
    String a = checked(text, "answer", MAX_ANSWER);
    Instant now = clock.instant();
    if (!questions.answer(questionId, a, now)) {
      throw Refusal.wrongState("already-answered", "This question has been answered already.");
    }
    outbox.publish(
        "QuestionAnswered",
        new QuestionEvents.QuestionAnswered(
            questionId.toString(),
            listing.id().toString(),
            listing.content().title(),
            listing.sellerId(),
            question.askerId(),
            question.text(),
            a,
            now));
    return find(questionId);
  }

  /**
   * The questions {@code viewer} may read: answered ones, plus their own, plus all of them for the
   * seller.
   */
  public List<Question> of(Listing listing, Identity viewer) {
    String userId = viewer == null ? "" : viewer.userId();
    return questions.visible(listing.id(), listing.isSeller(userId), userId);
  }

  /** Unanswered questions per listing, for the seller's overview. */
  public Map<UUID, Integer> waiting(Collection<UUID> listingIds) {
    return questions.unanswered(listingIds);
  }

  private Question find(UUID id) {
    return questions.find(id).orElseThrow(() -> Refusal.notFound("Question " + id));
  }

  private static String checked(String text, String field, int max) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid(field, "is required");
    }
    String t = text.strip();
    if (t.length() > max) {
      throw Refusal.invalid(field, "must be at most " + max + " characters");
    }
    return t;
  }
}
