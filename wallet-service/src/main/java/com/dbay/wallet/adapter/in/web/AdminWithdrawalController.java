package com.dbay.wallet.adapter.in.web;

import com.dbay.wallet.application.service.WithdrawalService;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.Withdrawal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins approve or reject withdrawals above the approval threshold and list them by status (e.g.
 * STUCK).
 */
@RestController
@RequestMapping("/api/v1/wallet/admin/withdrawals")
public class AdminWithdrawalController {

  private final CallerIdentity identity;
  private final WithdrawalService withdrawals;

  public AdminWithdrawalController(CallerIdentity identity, WithdrawalService withdrawals) {
    this.identity = identity;
    this.withdrawals = withdrawals;
  }

  /**
   * Withdrawals in one status, oldest first: {@code STUCK} (transactions unconfirmed for long, for
   * an operator to look into), {@code PENDING_APPROVAL} (waiting for a decision), ...
   */
  @GetMapping
  public List<WalletController.WithdrawalResponse> list(
      HttpServletRequest request,
      @RequestParam String status,
      @RequestParam(defaultValue = "100") int limit) {
    requireAdmin(request);
    Withdrawal.Status wanted;
    try {
      wanted = Withdrawal.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new WalletException.InvalidRequest(
          "invalid-status",
          "status",
          "status must be one of " + Arrays.toString(Withdrawal.Status.values()));
    }
    if (limit < 1 || limit > 500) {
      throw new WalletException.InvalidRequest(
          "invalid-limit", "limit", "limit must be between 1 and 500");
    }
    return withdrawals.withStatus(wanted, limit).stream()
        .map(WalletController.WithdrawalResponse::of)
        .toList();
  }

  @PostMapping("/{id}/approve")
  public WalletController.WithdrawalResponse approve(
      HttpServletRequest request, @PathVariable String id) {
    requireAdmin(request);
    return WalletController.WithdrawalResponse.of(
        withdrawals.approve(WalletController.parseWithdrawalId(id)));
  }

  @PostMapping("/{id}/reject")
  public WalletController.WithdrawalResponse reject(
      HttpServletRequest request,
      @PathVariable String id,
      @RequestBody(required = false) RejectRequest body) {
    requireAdmin(request);
    String reason = body == null || body.reason() == null ? "rejected by an admin" : body.reason();
    return WalletController.WithdrawalResponse.of(
        withdrawals.reject(WalletController.parseWithdrawalId(id), reason));
  }

  private void requireAdmin(HttpServletRequest request) {
    if (!identity.require(request).isAdmin()) {
      throw new CallerIdentity.Forbidden("only admins may decide on withdrawals");
    }
  }

  public record RejectRequest(String reason) {}
}
