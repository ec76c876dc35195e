package com.dbay.listing.question;

import java.time.Instant;

/** The events of the Q&A feature, named as they travel ({@code detail-type}). */
public final class QuestionEvents {

  private QuestionEvents() {}

  /** For the seller's notifications. */
  public record QuestionAsked(
      String questionId,
      String listingId,
      String listingTitle,
      String sellerId,
      String askerId,
      String question,
      Instant askedAt) {}

  /** For the asker's notifications; the answer is public on the listing from now on. */
  public record QuestionAnswered(
      String questionId,
      String listingId,
      String listingTitle,
      String sellerId,
      String askerId,
      String question,
      String answer,
      Instant answeredAt) {}
}
