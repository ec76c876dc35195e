package com.dbay.order.disputes;

import com.dbay.order.orders.EscrowWallet;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.money.Doge;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.events.Outbox;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Disputes: the parties open, answer, add evidence and escalate; an admin rules; the escrow moves
 * exactly once per ruling (the wallet's escrow is settled once, under a key derived from the
 * dispute). DisputeWorkflow keeps the deadlines: its task tokens arrive as events and are answered
 * through {@link WorkflowAnswers}.
 */
@Service
public class DisputeService {

  private static final Logger log = LoggerFactory.getLogger(DisputeService.class);
  public static final int MAX_EVIDENCE = 20;
  public static final int MAX_PAGE = 100;
  static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/webp");

  private final Disputes disputes;
  private final EscrowWallet escrow;
  private final EvidenceStore store;
  private final WorkflowAnswers workflow;
  private final AdminAudit audit;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final DisputeProperties properties;
  private final Clock clock;

  public DisputeService(
      Disputes disputes,
      EscrowWallet escrow,
      EvidenceStore store,
      WorkflowAnswers workflow,
      AdminAudit audit,
      Outbox outbox,
      TransactionTemplate transactions,
      JsonMapper json,
      DisputeProperties properties,
      Clock clock) {
    this.disputes = disputes;
    this.escrow = escrow;
    this.store = store;
    this.workflow = workflow;
    this.audit = audit;
    this.outbox = outbox;
    this.transactions = transactions;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- the parties

  /** The buyer opens a dispute; the order becomes DISPUTED (its release frozen). */
  public Dispute open(Identity caller, String orderId, String reason, String description) {
    Dispute.Reason why = reason(reason);
    String text = text("description", description, true);
    return transactions.execute(
        status -> {
          DisputedOrder order = visibleOrder(caller, orderId);
          Dispute d =
              Dispute.open(
                  UUID.randomUUID().toString(), order, caller.userId(), why, text, clock.instant());
          if (!disputes.insert(d)) {
            throw new DomainException(
                Kind.CONFLICT,
                "dispute-exists",
                null,
                "Order " + orderId + " already has a dispute.",
                List.of(),
                Map.of("disputeId", disputes.ofOrder(orderId).map(Dispute::id).orElse("")));
          }
          if (!disputes.moveOrder(orderId, List.of("SHIPPED", "RECEIVED"), "DISPUTED")) {
            throw new DomainException(
                Kind.CONFLICT, "order-not-disputable", "The order changed meanwhile.");
          }
          outbox.publishRecorded(d);
          return d;
        });
  }

  /** The dispute, to its parties and admins; to anyone else it does not exist. */
  public Dispute get(Identity caller, String disputeId) {
    return disputes
        .find(disputeId)
        .filter(d -> caller.isAdmin() || d.partyOf(caller.userId()) != null)
        .orElseThrow(() -> DomainException.notFound("The dispute"));
  }

  /** The order's dispute, if any (the order page); the order must be the caller's. */
  public Optional<Dispute> ofOrder(Identity caller, String orderId) {
    visibleOrder(caller, orderId);
    return disputes.ofOrder(orderId);
  }

  public List<Evidence> evidence(Identity caller, String disputeId) {
    get(caller, disputeId);
    return disputes.evidence(disputeId);
  }

  /** The seller answers within 3 days (DisputeAnswered); the workflow is not told: see escalate. */
  public Dispute answer(Identity caller, String disputeId, String answer) {
    String text = text("answer", answer, true);
    return change(
        caller,
        disputeId,
        d -> {
          d.answer(caller.userId(), text, clock.instant());
          return null;
        });
  }

  /** Either side escalates; the workflow's seller step is answered ESCALATE. */
  public Dispute escalate(Identity caller, String disputeId) {
    Dispute d =
        change(
            caller,
            disputeId,
            x -> {
              x.escalate(caller.userId(), clock.instant());
              return Map.of("resolution", "ESCALATE");
            });
    workflow.nudge();
    return d;
  }

  /**
   * The seller gives in: the buyer is refunded in full at once (the escrow moves now) and the
   * workflow's seller step is answered REFUND, which ends it.
   */
  public Dispute sellerRefunds(Identity caller, String disputeId) {
    Dispute d =
        settle(
            disputeId,
            x -> x.requireSellerMayRefund(caller.userId()),
            Dispute.Outcome.REFUND,
            null,
            "seller:" + caller.userId(),
            "The seller accepted a full refund.",
            false);
    workflow.nudge();
    return d;
  }

  public Evidence addText(Identity caller, String disputeId, String body) {
    String text = text("text", body, true);
    return addEvidence(
        caller,
        disputeId,
        (d, id, role, now) ->
            new Evidence(
                id,
                d.id(),
                caller.userId(),
                role,
                "TEXT",
                text,
                null,
                null,
                null,
                sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                now));
  }

  /** An image (JPEG, PNG or WebP, its bytes checked, at most 5 MB) kept in the object store. */
  public Evidence addImage(Identity caller, String disputeId, String contentType, byte[] bytes) {
    String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    if (!IMAGE_TYPES.contains(type)) {
      throw DomainException.invalid(
          "validation", "Content-Type", "must be image/jpeg, image/png or image/webp");
    }
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid("validation", "body", "is empty");
    }
    if (bytes.length > properties.maxImageBytes()) {
      throw DomainException.invalid(
          "validation", "body", "must be at most " + properties.maxImageBytes() + " bytes");
    }
    if (!sniff(bytes).equals(type)) {
      throw DomainException.invalid("validation", "body", "is not a " + type + " image");
    }
    return addEvidence(
        caller,
        disputeId,
        (d, id, role, now) -> {
          String key = "disputes/" + d.id() + "/" + id;
          store.put(key, type, bytes);
          return new Evidence(
              id,
              d.id(),
              caller.userId(),
              role,
              "IMAGE",
              null,
              key,
              type,
              (long) bytes.length,
              sha256(bytes),
              now);
        });
  }

  public record Image(String contentType, byte[] bytes) {}

  /** An evidence image, to the dispute's parties and admins only. */
  public Image image(Identity caller, String disputeId, String evidenceId) {
    get(caller, disputeId);
    Evidence e =
        disputes.evidence(disputeId).stream()
            .filter(x -> x.id().equals(evidenceId) && x.objectKey() != null)
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("The evidence"));
    byte[] bytes = store.get(e.objectKey());
    if (bytes == null) {
      throw DomainException.notFound("The evidence");
    }
    return new Image(e.contentType(), bytes);
  }

  // ---------------------------------------------------------------- admins

  public List<Dispute> queue(Identity admin, boolean open, int limit) {
    requireAdmin(admin);
    return disputes.queue(open, Math.min(Math.max(limit, 1), MAX_PAGE));
  }

  public record AdminView(
      Dispute dispute,
      DisputedOrder order,
      EscrowWallet.Escrow escrow,
      int feeBasisPoints,
      List<Evidence> evidence,
      List<Map<String, Object>> audit) {}

  /** Everything an admin needs to rule: both sides' evidence, the order, the escrow. Audited. */
  public AdminView adminView(Identity admin, String disputeId) {
    requireAdmin(admin);
    Dispute d = disputes.find(disputeId).orElseThrow(() -> DomainException.notFound("The dispute"));
    EscrowWallet.Escrow e;
    try {
      e = escrow.get(d.orderId());
    } catch (RuntimeException unavailable) {
      log.warn("escrow of {} unavailable: {}", d.orderId(), unavailable.toString());
      e = null;
    }
    audit.record(
        admin, "dispute.viewed", disputeId, Map.of("orderId", d.orderId()), clock.instant());
    return new AdminView(
        d,
        disputes.order(d.orderId()).orElseThrow(),
        e,
        properties.feeBasisPoints(),
        disputes.evidence(disputeId),
        audit.of(disputeId));
  }

  public record Preview(
      String decision,
      String buyerPercent,
      Doge amount,
      Doge buyerAmount,
      Doge sellerAmount,
      Doge fee) {}

  /**
   * What each side gets under a ruling, to the koinu, computed as the wallet computes it (the
   * buyer's share rounded up, the fee on the seller's share only, rounded up).
   */
  public Preview preview(Identity admin, String disputeId, String decision, String buyerPercent) {
    requireAdmin(admin);
    Dispute.Outcome outcome = outcome(decision);
    int bps = outcome == Dispute.Outcome.SPLIT ? basisPoints(buyerPercent) : 0;
    Dispute d = disputes.find(disputeId).orElseThrow(() -> DomainException.notFound("The dispute"));
    long amount = d.amount().koinu();
    long toBuyer =
        switch (outcome) {
          case REFUND -> amount;
          case RELEASE -> 0;
          case SPLIT -> ceilFraction(amount, bps);
        };
    long gross = amount - toBuyer;
    long fee = Math.min(ceilFraction(gross, properties.feeBasisPoints()), gross);
    return new Preview(
        outcome.name(),
        outcome == Dispute.Outcome.SPLIT ? normalPercent(buyerPercent) : null,
        d.amount(),
        Doge.ofKoinu(toBuyer),
        Doge.ofKoinu(gross - fee),
        Doge.ofKoinu(fee));
  }

  /** An admin's ruling on an escalated dispute: the escrow moves once, the order settles. */
  public Dispute rule(
      Identity admin, String disputeId, String decision, String buyerPercent, String reason) {
    requireAdmin(admin);
    Dispute.Outcome outcome = outcome(decision);
    String percent = null;
    if (outcome == Dispute.Outcome.SPLIT) {
      basisPoints(buyerPercent);
      percent = normalPercent(buyerPercent);
    } else if (buyerPercent != null && !buyerPercent.isBlank()) {
      throw DomainException.invalid("validation", "buyerPercent", "is only given with SPLIT");
    }
    String why = text("reason", reason, true);
    Dispute d =
        settle(
            disputeId,
            Dispute::requireRulable,
            outcome,
            percent,
            "admin:" + admin.userId(),
            why,
            true);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("orderId", d.orderId());
    details.put("decision", outcome.name());
    details.put("buyerPercent", percent);
    details.put("reason", why);
    details.put("buyerAmount", d.ruling().buyerAmount().toString());
    details.put("sellerAmount", d.ruling().sellerAmount().toString());
    details.put("fee", d.ruling().fee().toString());
    try {
      audit.record(admin, "dispute.ruled", disputeId, details, d.ruling().ruledAt());
    } catch (RuntimeException e) {
      // The money moved and the ruling is stored with its admin and reason in PostgreSQL; a lost
      // audit line is logged loudly rather than undoing a settled escrow.
      log.error(
          "AUDIT NOT WRITTEN for ruling of dispute {} by {}: {}",
          disputeId,
          admin.userId(),
          e.toString());
    }
    workflow.nudge();
    return d;
  }

  /** Refusals by the admin API are audited too (who tried what). */
  public void auditRefusal(Identity caller, String action, String disputeId, String why) {
    try {
      audit.record(caller, action + ".refused", disputeId, Map.of("why", why), clock.instant());
    } catch (RuntimeException e) {
      log.warn("audit of a refusal not written: {}", e.toString());
    }
  }

  /** A dispute with its order's listing and parties: what messaging-service asks about. */
  public record OnOrder(
      String disputeId,
      String orderId,
      String listingId,
      String buyerId,
      String sellerId,
      String status) {}

  /**
   * The dispute of one order ({@code orderId}), or those of one buyer's orders of one listing
   * ({@code listingId} and {@code buyerId}): what messaging-service asks before an admin reads a
   * thread.
   */
  public List<OnOrder> onOrders(String orderId, String listingId, String buyerId) {
    return disputes.onOrders(orderId, listingId, buyerId);
  }

  // ---------------------------------------------------------------- DisputeWorkflow

  /** DisputeAwaitingSeller: the token of the seller's 3-day step. */
  public void awaitingSeller(String disputeId, String token) {
    disputes.sellerToken(disputeId, token);
  }

  /**
   * DisputeEscalated: the seller's step ended (a party escalated, or its 3 days passed); the token
   * of the admin's step. A dispute already settled by the seller answers it with that settlement.
   */
  public void escalatedByWorkflow(String disputeId, String token) {
    Optional<Dispute> found = disputes.lock(disputeId);
    if (found.isEmpty()) {
      log.warn("DisputeEscalated for unknown dispute {}", disputeId);
      return;
    }
    Dispute d = found.get();
    if (d.escalatedByWorkflow(clock.instant())) {
      disputes.save(d);
    }
    disputes.adminToken(disputeId, token);
    if (d.status() == Dispute.Status.RULED) {
      disputes.owedAdminReply(disputeId, reply(d.ruling().outcome(), d.ruling().buyerPercent()));
    }
  }

  // ---------------------------------------------------------------- internals

  private interface Change {
    Map<String, Object> apply(Dispute d);
  }

  /** Loads, changes (the aggregate guards), saves, publishes; what the seller step is owed. */
  private Dispute change(Identity caller, String disputeId, Change change) {
    return transactions.execute(
        status -> {
          Dispute d =
              disputes
                  .lock(disputeId)
                  .filter(x -> x.partyOf(caller.userId()) != null)
                  .orElseThrow(() -> DomainException.notFound("The dispute"));
          Map<String, Object> sellerReply = change.apply(d);
          disputes.save(d);
          outbox.publishRecorded(d);
          if (sellerReply != null) {
            disputes.owedSellerReply(disputeId, json.writeValueAsString(sellerReply));
          }
          return d;
        });
  }

  private Dispute settle(
      String disputeId,
      java.util.function.Consumer<Dispute> guard,
      Dispute.Outcome outcome,
      String percent,
      String ruledBy,
      String reason,
      boolean byAdmin) {
    return transactions.execute(
        status -> {
          Dispute d =
              disputes.lock(disputeId).orElseThrow(() -> DomainException.notFound("The dispute"));
          guard.accept(d);
          String orderStatus = disputes.lockOrderStatus(d.orderId());
          if (!"DISPUTED".equals(orderStatus)) {
            throw new DomainException(
                Kind.CONFLICT, "order-not-disputed", "The order is " + orderStatus + ".");
          }
          // Inside the transaction that holds the dispute's lock: a concurrent ruling waits here
          // and then finds it RULED. The key makes a retry after a crash replay the wallet's
          // answer.
          EscrowWallet.Escrow moved =
              escrow.settle(
                  d.orderId(),
                  outcome.name().toLowerCase(),
                  percent,
                  "dispute-" + d.id() + "-ruling");
          Instant now = clock.instant();
          d.ruled(
              new Dispute.Ruling(
                  outcome,
                  percent,
                  orElseZero(moved.buyerRefund()),
                  orElseZero(moved.sellerPayout()),
                  orElseZero(moved.fee()),
                  ruledBy,
                  reason,
                  now));
          disputes.save(d);
          String to =
              switch (outcome) {
                case REFUND -> "REFUNDED";
                case RELEASE -> "COMPLETED";
                case SPLIT -> "SPLIT";
              };
          disputes.moveOrder(d.orderId(), List.of("DISPUTED"), to);
          disputes.settledOrder(
              d.orderId(),
              d.ruling().sellerAmount(),
              d.ruling().fee(),
              now,
              outcome == Dispute.Outcome.RELEASE);
          outbox.publishRecorded(d);
          if (byAdmin) {
            disputes.owedAdminReply(disputeId, reply(outcome, percent));
          } else {
            disputes.owedSellerReply(
                disputeId, json.writeValueAsString(Map.of("resolution", "REFUND")));
          }
          return d;
        });
  }

  private String reply(Dispute.Outcome outcome, String percent) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("decision", outcome.name());
    r.put(
        "buyerPercent",
        switch (outcome) {
          case REFUND -> BigDecimal.valueOf(100);
          case RELEASE -> BigDecimal.ZERO;
          case SPLIT -> new BigDecimal(percent);
        });
    return json.writeValueAsString(r);
  }

  private interface EvidenceMaker {
    Evidence make(Dispute d, String id, String role, Instant now);
  }

  private Evidence addEvidence(Identity caller, String disputeId, EvidenceMaker maker) {
    Dispute d = get(caller, disputeId);
    Dispute.Party party = d.partyOf(caller.userId());
    if (party == null) {
      throw DomainException.notFound("The dispute");
    }
    if (d.status() == Dispute.Status.RULED) {
      throw new DomainException(Kind.CONFLICT, "dispute-already-ruled", "This dispute is ruled.");
    }
    if (disputes.evidenceCount(disputeId) >= MAX_EVIDENCE) {
      throw new DomainException(
          Kind.CONFLICT,
          "evidence-limit",
          "A dispute holds at most " + MAX_EVIDENCE + " pieces of evidence.");
    }
    Evidence e = maker.make(d, UUID.randomUUID().toString(), party.name(), clock.instant());
    disputes.addEvidence(e);
    return e;
  }

  private DisputedOrder visibleOrder(Identity caller, String orderId) {
    return disputes
        .order(orderId)
        .filter(
            o ->
                caller.isAdmin()
                    || o.buyerId().equals(caller.userId())
                    || o.sellerId().equals(caller.userId()))
        .orElseThrow(() -> DomainException.notFound("The order"));
  }

  private static void requireAdmin(Identity caller) {
    if (!caller.isAdmin()) {
      throw new DomainException(Kind.FORBIDDEN, "admin-only", "This needs the ADMIN role.");
    }
  }

  private static Dispute.Reason reason(String reason) {
    try {
      return Dispute.Reason.valueOf(reason == null ? "" : reason);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "validation", "reason", "must be NOT_RECEIVED or NOT_AS_DESCRIBED");
    }
  }

  private static Dispute.Outcome outcome(String decision) {
    try {
      return Dispute.Outcome.valueOf(decision == null ? "" : decision);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("validation", "decision", "must be REFUND, RELEASE or SPLIT");
    }
  }

  /** 0 to 100 with at most 2 decimals, as basis points (70.25 → 7025); the wallet's own rule. */
  static int basisPoints(String percent) {
    if (percent == null || !percent.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
      throw DomainException.invalid(
          "validation", "buyerPercent", "must be a number from 0 to 100 with at most 2 decimals");
    }
    int bps = new BigDecimal(percent).movePointRight(2).intValueExact();
    if (bps > 10_000) {
      throw DomainException.invalid("validation", "buyerPercent", "must be at most 100");
    }
    return bps;
  }

  private static String normalPercent(String percent) {
    return new BigDecimal(percent).stripTrailingZeros().toPlainString();
  }

  static long ceilFraction(long amount, long basisPoints) {
    BigInteger[] qr =
        BigInteger.valueOf(amount)
            .multiply(BigInteger.valueOf(basisPoints))
            .divideAndRemainder(BigInteger.valueOf(10_000));
    return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
  }

  private static String text(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw DomainException.invalid("validation", field, "is required");
      }
      return null;
    }
    String v = value.strip();
    if (v.codePointCount(0, v.length()) > Dispute.MAX_TEXT) {
      throw DomainException.invalid(
          "validation", field, "must be at most " + Dispute.MAX_TEXT + " characters");
    }
    return v;
  }

  private static Doge orElseZero(Doge d) {
    return d == null ? Doge.ZERO : d;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The image type the bytes really are ("" when none we take). */
  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a
        && b[6] == 0x1a
        && b[7] == 0x0a) {
      return "image/png";
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    return "";
  }

  /** Problems of a request, thrown as one 400 (used by the controllers for missing bodies). */
  public static DomainException invalid(String field, String message) {
    return DomainException.invalid(List.of(new FieldProblem(field, message)));
  }
}
