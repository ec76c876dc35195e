package com.dbay.user.feedback;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.events.Outbox;
import com.dbay.user.account.User;
import com.dbay.user.account.Users;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Leaves feedback on finished orders and sums it up per member. */
@Service
public class FeedbackService {

  public static final int MAX_PAGE = 100;

  private final Feedbacks feedbacks;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Users users;
  private final Clock clock;

  public FeedbackService(
      Feedbacks feedbacks,
      Outbox outbox,
      TransactionTemplate transactions,
      Users users,
      Clock clock) {
    this.feedbacks = feedbacks;
    this.outbox = outbox;
    this.transactions = transactions;
    this.users = users;
    this.clock = clock;
  }

  /** Records that an order finished (its feedback window opens); a repeat changes nothing. */
  public void orderFinished(FinishedOrder order, Instant eventTime) {
    if (order.orderId() == null || order.buyerId() == null || order.sellerId() == null) {
      throw new IllegalArgumentException("a finished order names the order and both parties");
    }
    Instant at =
        order.completedAt() != null
            ? order.completedAt()
            : order.ruledAt() != null ? order.ruledAt() : eventTime;
    feedbacks.finished(order.orderId(), order.buyerId(), order.sellerId(), at);
  }

  public record Leave(
      String orderId, String rating, String comment, FeedbackRules.Detailed detailed) {}

  public record FeedbackView(
      String feedbackId,
      String orderId,
      String fromUserId,
      String fromUsername,
      String toUserId,
      String fromRole,
      String rating,
      String comment,
      FeedbackRules.Detailed detailed,
      Instant createdAt) {}

  /** One feedback of the caller on one finished order of theirs; problem+json otherwise. */
  public FeedbackView leave(Identity caller, Leave request) {
    if (request == null) {
      throw DomainException.invalid(List.of(new FieldProblem("body", "is required")));
    }
    Optional<Feedbacks.Party> order = party(request.orderId());
    boolean fromBuyer = order.map(p -> p.buyerId().equals(caller.userId())).orElse(false);
    List<FieldProblem> problems =
        FeedbackRules.check(
            request.orderId(), request.rating(), request.comment(), request.detailed(), fromBuyer);
    if (!problems.isEmpty()) {
      throw DomainException.invalid(problems);
    }
    Feedbacks.Party p =
        order.orElseThrow(
            () ->
                new DomainException(
                    Kind.CONFLICT,
                    "order-not-finished",
                    "Order not finished",
                    "Feedback opens when order "
                        + request.orderId()
                        + " is completed (or its dispute ruled).",
                    List.of(),
                    Map.of()));
    if (!fromBuyer && !p.sellerId().equals(caller.userId())) {
      throw DomainException.notFound("The order");
    }
    Instant now = clock.instant();
    if (now.isAfter(p.finishedAt().plus(FeedbackRules.WINDOW))) {
      throw new DomainException(
          Kind.CONFLICT,
          "feedback-window-closed",
          "Feedback window closed",
          "Feedback may be left within 60 days of the order finishing.",
          List.of(),
          Map.of("closedAt", p.finishedAt().plus(FeedbackRules.WINDOW).toString()));
    }
    String to = fromBuyer ? p.sellerId() : p.buyerId();
    UUID id = UUID.randomUUID();
    FeedbackRules.Detailed d = request.detailed();
    try {
      transactions.executeWithoutResult(
          status -> {
            feedbacks.insert(
                id,
                request.orderId(),
                caller.userId(),
                to,
                fromBuyer ? "BUYER" : "SELLER",
                request.rating(),
                request.comment().strip(),
                d,
                now);
            outbox.publish(
                "FeedbackLeft",
                new FeedbackLeft(request.orderId(), caller.userId(), to, request.rating()));
          });
    } catch (DuplicateKeyException twice) {
      throw new DomainException(
          Kind.CONFLICT,
          "feedback-exists",
          "Feedback already left",
          "You already left feedback on order " + request.orderId() + ".",
          List.of(),
          Map.of());
    }
    return feedbacks.byId(id);
  }

  public record OrderFeedback(
      String orderId,
      boolean finished,
      String role,
      boolean canLeave,
      Instant closesAt,
      FeedbackView mine,
      FeedbackView theirs) {}

  /** The feedback state of an order for one of its parties (the order page's "Leave feedback"). */
  public OrderFeedback forOrder(Identity caller, String orderId) {
    Optional<Feedbacks.Party> order = party(orderId);
    if (order.isEmpty()) {
      return new OrderFeedback(orderId, false, null, false, null, null, null);
    }
    Feedbacks.Party p = order.get();
    String role =
        p.buyerId().equals(caller.userId())
            ? "BUYER"
            : p.sellerId().equals(caller.userId()) ? "SELLER" : null;
    if (role == null) {
      throw DomainException.notFound("The order");
    }
    List<FeedbackView> all = feedbacks.ofOrder(orderId);
    FeedbackView mine =
        all.stream().filter(f -> f.fromUserId().equals(caller.userId())).findFirst().orElse(null);
    FeedbackView theirs =
        all.stream().filter(f -> !f.fromUserId().equals(caller.userId())).findFirst().orElse(null);
    Instant closes = p.finishedAt().plus(FeedbackRules.WINDOW);
    return new OrderFeedback(
        orderId,
        true,
        role,
        mine == null && clock.instant().isBefore(closes),
        closes,
        mine,
        theirs);
  }

  public record Averages(
      BigDecimal itemAsDescribed,
      BigDecimal communication,
      BigDecimal shippingTime,
      BigDecimal shippingCost,
      long count) {}

  public record Profile(
      String username,
      long score,
      BigDecimal positivePercent12m,
      long positive12m,
      long neutral12m,
      long negative12m,
      Averages detailed,
      List<FeedbackView> items) {}

  /**
   * A member's feedback: the score (positives minus negatives, ever), the positive percentage of
   * the last 12 months (positive / (positive + negative); neutral counts in neither, as on eBay),
   * the detailed-rating averages (not in the score) and the newest feedback received.
   */
  public Profile profile(String username, int limit) {
    User user =
        users
            .findByUsername(username.toLowerCase(java.util.Locale.ROOT))
            .orElseThrow(() -> DomainException.notFound("The member"));
    String id = user.id().toString();
    long score = feedbacks.score(id);
    Map<String, Long> recent =
        feedbacks.countsSince(id, clock.instant().minus(FeedbackRules.PERCENT_WINDOW));
    long pos = recent.getOrDefault("POSITIVE", 0L);
    long neu = recent.getOrDefault("NEUTRAL", 0L);
    long neg = recent.getOrDefault("NEGATIVE", 0L);
    BigDecimal percent =
        pos + neg == 0
            ? null
            : BigDecimal.valueOf(pos * 100L)
                .divide(BigDecimal.valueOf(pos + neg), 1, RoundingMode.HALF_EVEN);
    Averages averages = feedbacks.averages(id);
    List<FeedbackView> items = feedbacks.received(id, Math.min(Math.max(limit, 1), MAX_PAGE));
    return new Profile(
        user.username(), score, percent, pos, neu, neg, averages, withUsernames(items));
  }

  private List<FeedbackView> withUsernames(List<FeedbackView> items) {
    Map<String, String> names = new HashMap<>();
    users
        .findAllById(
            items.stream()
                .map(FeedbackView::fromUserId)
                .flatMap(s -> com.dbay.user.account.UserId.parse(s).stream())
                .map(com.dbay.user.account.UserId::value)
                .distinct()
                .toList())
        .forEach(u -> names.put(u.id().toString(), u.username()));
    return items.stream()
        .map(
            f ->
                new FeedbackView(
                    f.feedbackId(),
                    f.orderId(),
                    f.fromUserId(),
                    names.get(f.fromUserId()),
                    f.toUserId(),
                    f.fromRole(),
                    f.rating(),
                    f.comment(),
                    f.detailed(),
                    f.createdAt()))
        .toList();
  }

  private Optional<Feedbacks.Party> party(String orderId) {
    return feedbacks.party(orderId);
  }
}
