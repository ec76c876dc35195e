package com.dbay.order.disputes.web;

import com.dbay.order.disputes.Dispute;
import com.dbay.order.disputes.DisputeService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.idempotency.Idempotent;
import com.dbay.platform.starter.identity.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The parties' side of disputes: open, read, answer, refund, escalate, evidence. */
@RestController
@RequestMapping("/api/v1/order")
class DisputeController {

  private final DisputeService disputes;

  DisputeController(DisputeService disputes) {
    this.disputes = disputes;
  }

  record Open(String reason, String description) {}

  record Answer(String answer) {}

  record Text(String text) {}

  @PostMapping("/orders/{orderId}/dispute")
  @ResponseStatus(HttpStatus.CREATED)
  DisputeView open(
      @PathVariable String orderId,
      @RequestBody(required = false) Open body,
      @CurrentUser Identity caller) {
    if (body == null) {
      throw DisputeService.invalid("body", "is required");
    }
    Dispute d = disputes.open(caller, orderId, body.reason(), body.description());
    return DisputeView.of(d, java.util.List.of());
  }

  @GetMapping("/orders/{orderId}/dispute")
  DisputeView ofOrder(@PathVariable String orderId, @CurrentUser Identity caller) {
    Dispute d =
        disputes
            .ofOrder(caller, orderId)
            .orElseThrow(() -> DomainException.notFound("A dispute of this order"));
    return DisputeView.of(d, disputes.evidence(caller, d.id()));
  }

  @GetMapping("/disputes/{disputeId}")
  DisputeView get(@PathVariable String disputeId, @CurrentUser Identity caller) {
    return DisputeView.of(disputes.get(caller, disputeId), disputes.evidence(caller, disputeId));
  }

  @PostMapping("/disputes/{disputeId}/answer")
  DisputeView answer(
      @PathVariable String disputeId,
      @RequestBody(required = false) Answer body,
      @CurrentUser Identity caller) {
    return DisputeView.of(
        disputes.answer(caller, disputeId, body == null ? null : body.answer()), null);
  }

  /** The seller refunds the buyer in full: money moves, so it takes an Idempotency-Key. */
  @Idempotent
  @PostMapping("/disputes/{disputeId}/refund")
  DisputeView refund(@PathVariable String disputeId, @CurrentUser Identity caller) {
    return DisputeView.of(disputes.sellerRefunds(caller, disputeId), null);
  }

  @PostMapping("/disputes/{disputeId}/escalate")
  DisputeView escalate(@PathVariable String disputeId, @CurrentUser Identity caller) {
    return DisputeView.of(disputes.escalate(caller, disputeId), null);
  }

  @PostMapping(
      value = "/disputes/{disputeId}/evidence",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  DisputeView.EvidenceView addText(
      @PathVariable String disputeId,
      @RequestBody(required = false) Text body,
      @CurrentUser Identity caller) {
    return DisputeView.EvidenceView.of(
        disputes.addText(caller, disputeId, body == null ? null : body.text()));
  }

  /**
   * The raw image as the body, its type in Content-Type (what a browser's fetch of a File sends).
   */
  @PostMapping("/disputes/{disputeId}/evidence/images")
  @ResponseStatus(HttpStatus.CREATED)
  DisputeView.EvidenceView addImage(
      @PathVariable String disputeId,
      @RequestHeader(value = "Content-Type", required = false) String contentType,
      @RequestBody(required = false) byte[] body,
      @CurrentUser Identity caller) {
    return DisputeView.EvidenceView.of(disputes.addImage(caller, disputeId, contentType, body));
  }

  @GetMapping("/disputes/{disputeId}/evidence/{evidenceId}/content")
  ResponseEntity<byte[]> image(
      @PathVariable String disputeId,
      @PathVariable String evidenceId,
      @CurrentUser Identity caller) {
    DisputeService.Image image = disputes.image(caller, disputeId, evidenceId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.contentType()))
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .body(image.bytes());
  }
}
