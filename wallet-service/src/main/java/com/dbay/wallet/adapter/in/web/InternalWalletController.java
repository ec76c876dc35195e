package com.dbay.wallet.adapter.in.web;

import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.servicecall.InternalApi;
import com.dbay.platform.starter.servicecall.VerifiedCaller;
import com.dbay.platform.starter.standing.AccountStanding;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.EscrowService;
import com.dbay.wallet.application.service.HoldService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.application.service.ReportedDeposits;
import com.dbay.wallet.application.service.WithdrawalService;
import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.WithdrawalPlan;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service API; never routed by the public gateway. Each handler names the parts that may
 * call it ({@link InternalApi}, matching {@code dbay/internal-endpoints.tsv}): a call reaches it
 * only signed with one of their keys. Every call that moves money takes an {@code Idempotency-Key},
 * scoped by the proven calling part (never by a header a caller could choose).
 */
@RestController
@RequestMapping("/api/v1/wallet/internal")
public class InternalWalletController {

  private final HoldService holds;
  private final AccountStanding standing;
  private final EscrowService escrows;
  private final ReportedDeposits reportedDeposits;
  private final WithdrawalService withdrawals;
  private final LedgerQueries ledger;

  public InternalWalletController(
      HoldService holds,
      EscrowService escrows,
      ReportedDeposits reportedDeposits,
      WithdrawalService withdrawals,
      LedgerQueries ledger,
      AccountStanding standing) {
    this.standing = standing;
    this.holds = holds;
    this.escrows = escrows;
    this.reportedDeposits = reportedDeposits;
    this.withdrawals = withdrawals;
    this.ledger = ledger;
  }

  /** Places, raises or lowers the user's hold for the reference to exactly {@code amount}. */
  @InternalApi(callers = {"auction-service", "order-service"})
  @PutMapping("/holds/{userId}/{reference}")
  public HoldResponse setHold(
      HttpServletRequest request,
      @RequestHeader("Idempotency-Key") String key,
      @PathVariable String userId,
      @PathVariable String reference,
      @RequestBody AmountRequest body) {
    Doge amount = Amounts.parse("amount", body == null ? null : body.amount());
    // A suspended bidder or buyer commits no new money; releasing a hold stays possible.
    standing.requireActive(userId);
    return HoldResponse.of(
        holds.setHold(VerifiedCaller.require(request), key, new UserId(userId), reference, amount));
  }

  /**
   * Many hold changes in one call and one durable commit (auction-service settles a whole batch of
   * bids with it): each item sets the hold of (userId, reference) to exactly {@code amount}, zero
   * releasing it, idempotent by its own {@code idempotencyKey}. Answers 200 with one result per
   * item, in order: {@code HELD} (the hold as it now is), {@code INSUFFICIENT_FUNDS}, {@code
   * SUSPENDED} (a positive amount for a suspended account) or {@code REFUSED} (another business
   * refusal, named by {@code problem}); refused items changed nothing. A malformed batch is a 400
   * and changes nothing.
   */
  @InternalApi(callers = "auction-service")
  @PostMapping("/holds/batch")
  public HoldBatchResponse setHolds(
      HttpServletRequest request, @RequestBody HoldBatchRequest body) {
    String caller = VerifiedCaller.require(request);
    if (body == null || body.items() == null) {
      throw new WalletException.InvalidRequest("invalid-batch", "items", "items is required");
    }
    List<HoldBatchItem> items = body.items();
    List<HoldService.HoldChange> changes = new ArrayList<>(items.size());
    for (HoldBatchItem item : items) {
      if (item == null || item.userId() == null || item.userId().isBlank()) {
        throw new WalletException.InvalidRequest(
            "invalid-batch", "items", "every item needs a userId");
      }
      changes.add(
          new HoldService.HoldChange(
              new UserId(item.userId()),
              item.reference(),
              Amounts.parse("amount", item.amount()),
              item.idempotencyKey()));
    }
    HoldService.check(changes);
    // A suspended account commits no new money (as on the single PUT); lowering and releasing stay
    // possible. Its items never reach the ledger.
    List<HoldService.HoldChange> allowed = new ArrayList<>();
    boolean[] suspended = new boolean[changes.size()];
    Set<String> suspendedUsers =
        standing.suspendedAmong(
            changes.stream()
                .filter(c -> c.amount().isPositive())
                .map(c -> c.user().value())
                .collect(Collectors.toSet()));
    for (int i = 0; i < changes.size(); i++) {
      HoldService.HoldChange change = changes.get(i);
      suspended[i] = change.amount().isPositive() && suspendedUsers.contains(change.user().value());
      if (!suspended[i]) {
        allowed.add(change);
      }
    }
    List<HoldService.HoldResult> done =
        allowed.isEmpty() ? List.of() : holds.setHolds(caller, allowed);
    List<HoldBatchResult> results = new ArrayList<>(changes.size());
    int next = 0;
    for (int i = 0; i < changes.size(); i++) {
      HoldService.HoldChange change = changes.get(i);
      results.add(
          suspended[i]
              ? HoldBatchResult.refused(change, "SUSPENDED", "account-suspended")
              : HoldBatchResult.of(change, done.get(next++)));
    }
    return new HoldBatchResponse(results);
  }

  public record HoldBatchRequest(List<HoldBatchItem> items) {}

  public record HoldBatchItem(
      String userId, String reference, String amount, String idempotencyKey) {}

  public record HoldBatchResponse(List<HoldBatchResult> results) {}

  /** {@code amount} and {@code status} are the hold's after a {@code HELD}, null otherwise. */
  public record HoldBatchResult(
      String userId,
      String reference,
      String outcome,
      String amount,
      String status,
      String problem) {
    static HoldBatchResult of(HoldService.HoldChange change, HoldService.HoldResult result) {
      if (result.refusal() == null) {
        HoldService.HoldView v = result.hold();
        return new HoldBatchResult(
            v.userId(), v.reference(), "HELD", new Doge(v.amount()).toString(), v.status(), null);
      }
      String slug = result.refusal().slug();
      return refused(
          change,
          result.refusal() instanceof WalletException.InsufficientFunds
              ? "INSUFFICIENT_FUNDS"
              : "REFUSED",
          slug);
    }

    static HoldBatchResult refused(HoldService.HoldChange change, String outcome, String problem) {
      return new HoldBatchResult(
          change.user().value(), change.reference(), outcome, null, null, problem);
    }
  }

  // auction-settlement releases the holds of an ended auction's other bidders (and the leader's of
  // an unsold one); a hold already captured into escrow is left alone.
  @InternalApi(callers = {"auction-service", "order-service", "auction-settlement"})
  @DeleteMapping("/holds/{userId}/{reference}")
  public HoldResponse releaseHold(
      HttpServletRequest request,
      @RequestHeader("Idempotency-Key") String key,
      @PathVariable String userId,
      @PathVariable String reference) {
    return HoldResponse.of(
        holds.releaseHold(VerifiedCaller.require(request), key, new UserId(userId), reference));
  }

  @InternalApi(callers = {"auction-service", "order-service"})
  @GetMapping("/holds/{userId}/{reference}")
  public HoldResponse hold(@PathVariable String userId, @PathVariable String reference) {
    return HoldResponse.of(holds.get(new UserId(userId), reference));
  }

  /**
   * Opens an order's escrow, from the buyer's hold {@code holdReference} when given, else from
   * AVAILABLE.
   */
  @InternalApi(callers = {"order-service", "auction-settlement"})
  @PostMapping("/escrows")
  public ResponseEntity<EscrowResponse> fundEscrow(
      HttpServletRequest request,
      @RequestHeader("Idempotency-Key") String key,
      @RequestBody FundEscrowRequest body) {
    if (body == null || body.buyerId() == null || body.sellerId() == null) {
      throw new WalletException.InvalidRequest(
          "invalid-parties", "buyerId", "buyerId and sellerId are required");
    }
    if (body.holdReference() == null) {
      // Paying from available balance is a new commitment; a hold placed before a suspension was
      // already committed (an auction won) and may still become the order's escrow.
      standing.requireActive(body.buyerId());
    }
    EscrowService.EscrowView view =
        escrows.fund(
            VerifiedCaller.require(request),
            key,
            body.orderId(),
            new UserId(body.buyerId()),
            new UserId(body.sellerId()),
            Amounts.parsePositive("amount", body.amount()),
            body.holdReference());
    return ResponseEntity.status(HttpStatus.CREATED).body(EscrowResponse.of(view));
  }

  @InternalApi(callers = {"order-service", "auction-settlement"})
  @GetMapping("/escrows/{orderId}")
  public EscrowResponse escrow(@PathVariable String orderId) {
    return EscrowResponse.of(escrows.get(orderId));
  }

  @InternalApi(callers = "order-service")
  @PostMapping("/escrows/{orderId}/release")
  public EscrowResponse release(
      HttpServletRequest request,
      @RequestHeader("Idempotency-Key") String key,
      @PathVariable String orderId) {
    return EscrowResponse.of(escrows.release(VerifiedCaller.require(request), key, orderId));
  }

  @InternalApi(callers = "order-service")
  @PostMapping("/escrows/{orderId}/refund")
  public EscrowResponse refund(
      HttpServletRequest request,
      @RequestHeader("Idempotency-Key") String key,
      @PathVariable String orderId) {
    return EscrowResponse.of(escrows.refund(VerifiedCaller.require(request), key, orderId));
  }

  /** Splits by an admin ruling; {@code buyerPercent} is 0 to 100 with up to 2 decimals. */
  @InternalApi(callers = "order-service")
  @PostMapping("/escrows/{orderId}/split")
  public EscrowResponse split(
      HttpServletRequest request,
      @RequestHeader("Idempotency-Key") String key,
      @PathVariable String orderId,
      @RequestBody SplitRequest body) {
    return EscrowResponse.of(
        escrows.split(
            VerifiedCaller.require(request),
            key,
            orderId,
            basisPoints(body == null ? null : body.buyerPercent())));
  }

  /** For the deposit-watcher: an output seen on chain. */
  @InternalApi(callers = "deposit-watcher")
  @PostMapping("/deposits")
  public ResponseEntity<DepositService.DepositView> depositSeen(
      @RequestBody DepositSeenRequest body) {
    return reportedDeposits
        .detected(
            new DepositId(body.txid(), body.vout()),
            body.address(),
            Amounts.parsePositive("amount", body.amount()),
            body.blockHash(),
            body.blockHeight())
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  /** For the DepositConfirmationWorkflow: the deposit's depth now; credits once deep enough. */
  @InternalApi(callers = "deposit-watcher")
  @PostMapping("/deposits/{txid}/{vout}/confirmations")
  public DepositService.DepositView depositConfirmations(
      @PathVariable String txid, @PathVariable int vout, @RequestBody ConfirmationsRequest body) {
    return reportedDeposits.confirmations(new DepositId(txid, vout), body.confirmations());
  }

  @InternalApi(callers = "deposit-watcher")
  @PostMapping("/deposits/{txid}/{vout}/cancel")
  public DepositService.DepositView depositReorged(
      @PathVariable String txid, @PathVariable int vout) {
    return reportedDeposits.reorged(new DepositId(txid, vout));
  }

  /**
   * For the signer (blockchain-broadcaster, WithdrawalWorkflow step Sign): the withdrawal's one
   * plan, made and stored on the first call (coins reserved), the same plan on every later call;
   * with its signed transaction once one was accepted. {@code plan} is null while it waits for an
   * admin.
   */
  @InternalApi(callers = "blockchain-broadcaster")
  @PostMapping("/withdrawals/{id}/plan")
  public PlannedWithdrawalResponse plan(@PathVariable String id) {
    return PlannedWithdrawalResponse.of(withdrawals.plan(WalletController.parseWithdrawalId(id)));
  }

  /**
   * The signer's transaction for the plan: kept if it spends exactly the planned coins and pays
   * exactly the planned outputs (so the planned fee) with valid signatures. The first accepted one
   * is final: the same bytes again answer it, other bytes 409 {@code withdrawal-signed}; a
   * transaction that is not the plan's, 400 {@code signature-not-as-planned}.
   */
  @InternalApi(callers = "blockchain-broadcaster")
  @PostMapping("/withdrawals/{id}/signature")
  public PlannedWithdrawalResponse signature(
      @PathVariable String id, @RequestBody SignatureRequest body) {
    if (body == null || body.rawTransaction() == null || body.rawTransaction().isBlank()) {
      throw new WalletException.InvalidRequest(
          "invalid-transaction", "rawTransaction", "rawTransaction is required");
    }
    return PlannedWithdrawalResponse.of(
        withdrawals.recordSignature(WalletController.parseWithdrawalId(id), body.rawTransaction()));
  }

  /**
   * WithdrawalWorkflow: the transaction has been unconfirmed for {@code unconfirmedPolls} block
   * intervals.
   */
  @InternalApi(callers = "blockchain-broadcaster")
  @PostMapping("/withdrawals/{id}/stuck")
  public WalletController.WithdrawalResponse stuck(
      @PathVariable String id, @RequestBody(required = false) StuckRequest body) {
    return WalletController.WithdrawalResponse.of(
        withdrawals.flagStuck(
            WalletController.parseWithdrawalId(id), body == null ? 0 : body.unconfirmedPolls()));
  }

  public record SignatureRequest(String rawTransaction) {}

  public record StuckRequest(int unconfirmedPolls) {}

  /**
   * The withdrawal, its plan and its one signed transaction (hex, null until accepted). Amounts in
   * the plan are DOGE decimal strings; each input names the BIP44 path that signs it.
   */
  public record PlannedWithdrawalResponse(
      String id,
      String status,
      String address,
      String amount,
      String feeReserve,
      String networkFee,
      String txid,
      String requestedAt,
      String rejectionReason,
      PlanResponse plan,
      String rawTransaction) {
    static PlannedWithdrawalResponse of(WithdrawalService.PlannedWithdrawal p) {
      var view = WalletController.WithdrawalResponse.of(p.withdrawal());
      return new PlannedWithdrawalResponse(
          view.id(),
          view.status(),
          view.address(),
          view.amount(),
          view.feeReserve(),
          view.networkFee(),
          view.txid(),
          view.requestedAt(),
          view.rejectionReason(),
          p.plan() == null ? null : PlanResponse.of(p.plan()),
          p.rawTransaction());
    }
  }

  public record PlanResponse(
      List<PlannedInput> inputs, List<PlannedOutput> outputs, String fee, int size) {
    static PlanResponse of(WithdrawalPlan plan) {
      return new PlanResponse(
          plan.inputs().stream()
              .map(
                  i ->
                      new PlannedInput(
                          i.txid(),
                          i.vout(),
                          i.amount().toString(),
                          i.address(),
                          "m/44'/3'/0'/" + i.chain() + "/" + i.index(),
                          i.chain(),
                          i.index()))
              .toList(),
          plan.outputs().stream()
              .map(
                  o ->
                      new PlannedOutput(
                          o.address(), o.amount().toString(), o.isChange(), o.changeIndex()))
              .toList(),
          plan.fee().toString(),
          plan.size());
    }
  }

  public record PlannedInput(
      String txid, int vout, String amount, String address, String path, int chain, int index) {}

  public record PlannedOutput(String address, String amount, boolean change, Integer changeIndex) {}

  @InternalApi(callers = "blockchain-broadcaster")
  @PostMapping("/withdrawals/{id}/broadcast")
  public WalletController.WithdrawalResponse broadcast(@PathVariable String id) {
    return WalletController.WithdrawalResponse.of(
        withdrawals.broadcast(WalletController.parseWithdrawalId(id)));
  }

  @InternalApi(callers = "blockchain-broadcaster")
  @PostMapping("/withdrawals/{id}/settle")
  public WalletController.WithdrawalResponse settle(
      @PathVariable String id, @RequestBody ConfirmationsRequest body) {
    return WalletController.WithdrawalResponse.of(
        withdrawals.settleIfConfirmed(
            WalletController.parseWithdrawalId(id), body.confirmations()));
  }

  /** Verifies every ledger invariant; 200 when all hold, 500 with the problems otherwise. */
  @InternalApi(callers = "operator")
  @GetMapping("/audit")
  public ResponseEntity<AuditReport> audit() {
    AuditReport report = ledger.audit();
    return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR)
        .body(report);
  }

  static int basisPoints(String percent) {
    if (percent == null || !percent.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
      throw new WalletException.InvalidRequest(
          "invalid-split",
          "buyerPercent",
          "buyerPercent must be a number from 0 to 100 with at most 2 decimals");
    }
    int bps = new BigDecimal(percent).movePointRight(2).intValueExact();
    if (bps > 10_000) {
      throw new WalletException.InvalidRequest(
          "invalid-split", "buyerPercent", "buyerPercent must be at most 100");
    }
    return bps;
  }

  public record AmountRequest(String amount) {}

  public record FundEscrowRequest(
      String orderId, String buyerId, String sellerId, String amount, String holdReference) {}

  public record SplitRequest(String buyerPercent) {}

  public record DepositSeenRequest(
      String txid, int vout, String address, String amount, String blockHash, long blockHeight) {}

  public record ConfirmationsRequest(int confirmations) {}

  public record HoldResponse(String userId, String reference, String amount, String status) {
    static HoldResponse of(HoldService.HoldView v) {
      return new HoldResponse(
          v.userId(), v.reference(), new Doge(v.amount()).toString(), v.status());
    }
  }

  public record EscrowResponse(
      String orderId,
      String buyerId,
      String sellerId,
      String amount,
      String status,
      String buyerRefund,
      String sellerPayout,
      String fee) {
    static EscrowResponse of(EscrowService.EscrowView v) {
      return new EscrowResponse(
          v.orderId(),
          v.buyerId(),
          v.sellerId(),
          new Doge(v.amount()).toString(),
          v.status(),
          doge(v.buyerRefund()),
          doge(v.sellerPayout()),
          doge(v.fee()));
    }
  }

  private static String doge(Long koinu) {
    return koinu == null ? null : new Doge(koinu).toString();
  }
}
