package com.dbay.wallet.adapter.in.web;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.standing.AccountStanding;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.application.service.WithdrawalService;
import com.dbay.wallet.domain.Balances;
import com.dbay.wallet.domain.DepositAddress;
import com.dbay.wallet.domain.StatementLine;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.WithdrawalId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The user's wallet, through the gateway. Amounts are DOGE decimal strings with 8 places. */
@RestController
@RequestMapping("/api/v1/wallet")
public class WalletController {

  private final CallerIdentity identity;
  private final LedgerQueries ledger;
  private final DepositService deposits;
  private final WithdrawalService withdrawals;
  private final AccountStanding standing;

  public WalletController(
      CallerIdentity identity,
      LedgerQueries ledger,
      DepositService deposits,
      WithdrawalService withdrawals,
      AccountStanding standing) {
    this.standing = standing;
    this.identity = identity;
    this.ledger = ledger;
    this.deposits = deposits;
    this.withdrawals = withdrawals;
  }

  @GetMapping("/balance")
  public BalanceResponse balance(HttpServletRequest request) {
    UserId user = user(request);
    Balances balances = ledger.balances(user);
    return new BalanceResponse(
        balances.available().toString(),
        balances.held().toString(),
        balances.escrow().toString(),
        deposits.pendingTotal(user).toString());
  }

  /**
   * The caller's deposits, newest first: pending ones with their confirmations so far, then
   * credited or cancelled.
   */
  @GetMapping("/deposits")
  public DepositsResponse deposits(
      HttpServletRequest request, @RequestParam(defaultValue = "20") int limit) {
    return new DepositsResponse(
        deposits.depositsOf(user(request), limit).stream().map(DepositItem::of).toList());
  }

  @GetMapping("/statement")
  public StatementResponse statement(
      HttpServletRequest request,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    Long before = null;
    if (cursor != null && !cursor.isBlank()) {
      try {
        before = Long.parseLong(cursor);
      } catch (NumberFormatException e) {
        throw new WalletException.InvalidRequest(
            "invalid-cursor", "cursor", "cursor must be the nextCursor of a previous page");
      }
    }
    List<StatementLine> lines = ledger.statement(user(request), before, limit);
    int pageSize = Math.max(1, Math.min(limit, LedgerQueries.MAX_PAGE));
    String next =
        lines.size() == pageSize ? Long.toString(lines.get(lines.size() - 1).entryId()) : null;
    return new StatementResponse(lines.stream().map(StatementItem::of).toList(), next);
  }

  @GetMapping("/deposit-address")
  public DepositAddressResponse depositAddress(HttpServletRequest request) {
    DepositAddress address = deposits.depositAddress(user(request));
    return new DepositAddressResponse(address.address(), address.network());
  }

  @PostMapping("/withdrawals")
  public ResponseEntity<WithdrawalResponse> withdraw(
      HttpServletRequest request,
      @RequestHeader("Idempotency-Key") String key,
      @RequestBody WithdrawalRequest body) {
    UserId user = user(request);
    // A valid token and proof are not enough: a suspended account moves no money (defence in
    // depth).
    standing.requireActive(user.value());
    Doge amount = Amounts.parsePositive("amount", body.amount());
    if (body.address() == null || body.address().isBlank()) {
      throw new WalletException.InvalidRequest("invalid-address", "address", "address is required");
    }
    WithdrawalService.WithdrawalView view = withdrawals.request(user, key, body.address(), amount);
    return ResponseEntity.status(HttpStatus.CREATED).body(WithdrawalResponse.of(view));
  }

  /** The caller's withdrawals, newest first, with their states (the wallet page's timelines). */
  @GetMapping("/withdrawals")
  public WithdrawalsResponse withdrawals(
      HttpServletRequest request, @RequestParam(defaultValue = "20") int limit) {
    return new WithdrawalsResponse(
        withdrawals.ofUser(user(request), limit).stream().map(WithdrawalResponse::of).toList());
  }

  /**
   * What the withdraw form shows before sending: minimum, today's limit and what is left of it, the
   * fee reserve.
   */
  @GetMapping("/withdrawal-limits")
  public WithdrawalLimitsResponse withdrawalLimits(HttpServletRequest request) {
    WithdrawalService.Limits limits = withdrawals.limits(user(request));
    return new WithdrawalLimitsResponse(
        limits.minimum().toString(),
        limits.dailyLimit().toString(),
        limits.dailyRemaining().toString(),
        limits.approvalThreshold().toString(),
        limits.feeReserve().toString(),
        Doge.ofKoinu(com.dbay.dogecoin.FeePolicy.DEFAULT.feePerKb()).toString());
  }

  @GetMapping("/withdrawals/{id}")
  public WithdrawalResponse withdrawal(HttpServletRequest request, @PathVariable String id) {
    Identity caller = identity.require(request);
    return WithdrawalResponse.of(
        withdrawals.get(new UserId(caller.userId()), caller.isAdmin(), parseWithdrawalId(id)));
  }

  static WithdrawalId parseWithdrawalId(String id) {
    try {
      return new WithdrawalId(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new WalletException.NotFound("withdrawal");
    }
  }

  private UserId user(HttpServletRequest request) {
    return new UserId(identity.require(request).userId());
  }

  /** {@code pending}: deposits seen on chain, not yet spendable (not part of available). */
  public record BalanceResponse(String available, String held, String escrow, String pending) {}

  public record DepositsResponse(List<DepositItem> items) {}

  public record DepositItem(
      String txid,
      int vout,
      String address,
      String amount,
      String status,
      int confirmations,
      int requiredConfirmations) {
    static DepositItem of(DepositService.DepositView v) {
      return new DepositItem(
          v.txid(),
          v.vout(),
          v.address(),
          new Doge(v.amount()).toString(),
          v.status(),
          v.confirmations(),
          v.requiredConfirmations());
    }
  }

  public record StatementResponse(List<StatementItem> items, String nextCursor) {}

  public record StatementItem(
      String id,
      String type,
      String reference,
      String account,
      String amount,
      String balanceAfter,
      String time) {
    static StatementItem of(StatementLine line) {
      return new StatementItem(
          Long.toString(line.entryId()),
          line.type().name(),
          line.reference(),
          line.account().name(),
          line.amount().toString(),
          line.balanceAfter().toString(),
          line.at().toString());
    }
  }

  public record DepositAddressResponse(String address, String network) {}

  public record WithdrawalRequest(String address, String amount) {}

  public record WithdrawalsResponse(List<WithdrawalResponse> items) {}

  /**
   * {@code feeReserve} is reserved with each withdrawal; the network fee actually paid is {@code
   * networkFeePerKb} per kB of the signed transaction's exact size, and the rest returns.
   */
  public record WithdrawalLimitsResponse(
      String minimum,
      String dailyLimit,
      String dailyRemaining,
      String approvalThreshold,
      String feeReserve,
      String networkFeePerKb) {}

  public record WithdrawalResponse(
      String id,
      String status,
      String address,
      String amount,
      String feeReserve,
      String networkFee,
      String txid,
      String requestedAt,
      String rejectionReason) {
    static WithdrawalResponse of(WithdrawalService.WithdrawalView v) {
      return new WithdrawalResponse(
          v.id(),
          v.status(),
          v.address(),
          new Doge(v.amount()).toString(),
          new Doge(v.feeReserve()).toString(),
          v.networkFee() == null ? null : new Doge(v.networkFee()).toString(),
          v.txid(),
          v.requestedAt(),
          v.rejectionReason());
    }
  }
}
