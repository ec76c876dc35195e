package com.dbay.user.feedback;

import com.dbay.platform.problem.FieldProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a feedback may say (DESIGN §4, domain-rules "Feedback"). */
public final class FeedbackRules {

  /** Each side has this long after the order finished to leave its feedback. */
  public static final Duration WINDOW = Duration.ofDays(60);

  /** The positive percentage looks back this far (eBay's "last 12 months"). */
  public static final Duration PERCENT_WINDOW = Duration.ofDays(365);

  public static final int MAX_COMMENT = 500;
  public static final Set<String> RATINGS = Set.of("POSITIVE", "NEUTRAL", "NEGATIVE");

  private FeedbackRules() {}

  /** The four detailed seller ratings, each 1 to 5; only a buyer gives them, all four or none. */
  public record Detailed(
      Integer itemAsDescribed, Integer communication, Integer shippingTime, Integer shippingCost) {}

  /** The problems of a feedback request (empty when it is valid). */
  public static List<FieldProblem> check(
      String orderId, String rating, String comment, Detailed detailed, boolean fromBuyer) {
    List<FieldProblem> problems = new ArrayList<>();
    if (orderId == null || orderId.isBlank() || orderId.length() > 64) {
      problems.add(new FieldProblem("orderId", "must be 1 to 64 characters"));
    }
    if (rating == null || !RATINGS.contains(rating)) {
      problems.add(new FieldProblem("rating", "must be POSITIVE, NEUTRAL or NEGATIVE"));
    }
    if (comment == null || comment.isBlank()) {
      problems.add(new FieldProblem("comment", "is required"));
    } else if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
      problems.add(new FieldProblem("comment", "must be at most 500 characters"));
    }
    if (detailed != null) {
      if (!fromBuyer) {
        problems.add(new FieldProblem("detailed", "only the buyer rates the seller in detail"));
      }
      star(problems, "detailed.itemAsDescribed", detailed.itemAsDescribed());
      star(problems, "detailed.communication", detailed.communication());
      star(problems, "detailed.shippingTime", detailed.shippingTime());
      star(problems, "detailed.shippingCost", detailed.shippingCost());
    }
    return problems;
  }

  private static void star(List<FieldProblem> problems, String field, Integer value) {
    if (value == null || value < 1 || value > 5) {
      problems.add(new FieldProblem(field, "must be a whole number from 1 to 5"));
    }
  }
}
