package com.dbay.order.disputes.web;

import com.dbay.order.disputes.DisputeService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.idempotency.Idempotent;
import com.dbay.platform.starter.identity.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin console's disputes: the queue, one dispute with everything needed to rule, an exact
 * preview of a ruling, and the ruling. ADMIN only (403 otherwise, and the refusal is audited);
 * views and rulings are audited in MongoDB.
 */
@RestController
@RequestMapping("/api/v1/order/admin/disputes")
class AdminDisputeController {

  private final DisputeService disputes;
  private final Clock clock;

  AdminDisputeController(DisputeService disputes, Clock clock) {
    this.disputes = disputes;
    this.clock = clock;
  }

  record Queue(String status, List<DisputeView.QueueItem> items) {}

  record AdminDetail(
      DisputeView dispute,
      Object order,
      Object escrow,
      int feeBasisPoints,
      List<Map<String, Object>> audit) {}

  record Rule(String decision, String buyerPercent, String reason) {}

  @GetMapping
  Queue queue(
      @RequestParam(defaultValue = "open") String status,
      @RequestParam(defaultValue = "50") int limit,
      @CurrentUser Identity caller) {
    admin(caller, "disputes.listed", null);
    if (!status.equals("open") && !status.equals("all")) {
      throw DomainException.invalid("validation", "status", "must be open or all");
    }
    if (limit < 1 || limit > DisputeService.MAX_PAGE) {
      throw DomainException.invalid("validation", "limit", "must be between 1 and 100");
    }
    var now = clock.instant();
    return new Queue(
        status,
        disputes.queue(caller, status.equals("open"), limit).stream()
            .map(d -> DisputeView.QueueItem.of(d, now))
            .toList());
  }

  @GetMapping("/{disputeId}")
  AdminDetail detail(@PathVariable String disputeId, @CurrentUser Identity caller) {
    admin(caller, "dispute.viewed", disputeId);
    DisputeService.AdminView v = disputes.adminView(caller, disputeId);
    return new AdminDetail(
        DisputeView.of(v.dispute(), v.evidence()),
        v.order(),
        v.escrow(),
        v.feeBasisPoints(),
        v.audit());
  }

  @GetMapping("/{disputeId}/preview")
  DisputeService.Preview preview(
      @PathVariable String disputeId,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String buyerPercent,
      @CurrentUser Identity caller) {
    admin(caller, "dispute.previewed", disputeId);
    return disputes.preview(caller, disputeId, decision, buyerPercent);
  }

  /** The ruling: moves the escrow once. Takes an Idempotency-Key like every money move. */
  @Idempotent
  @PostMapping("/{disputeId}/ruling")
  DisputeView rule(
      @PathVariable String disputeId,
      @RequestBody(required = false) Rule body,
      @CurrentUser Identity caller) {
    admin(caller, "dispute.ruled", disputeId);
    if (body == null) {
      throw DisputeService.invalid("body", "is required");
    }
    return DisputeView.of(
        disputes.rule(caller, disputeId, body.decision(), body.buyerPercent(), body.reason()),
        null);
  }

  private void admin(Identity caller, String action, String disputeId) {
    if (!caller.isAdmin()) {
      disputes.auditRefusal(caller, action, disputeId, "not an admin");
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "admin-only", "This needs the ADMIN role.");
    }
  }
}
