package com.dbay.wallet.adapter.in.web;

import com.dbay.wallet.application.service.WithdrawalService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins approve or reject withdrawals above the approval threshold. */
@RestController
@RequestMapping("/api/v1/wallet/admin/withdrawals")
public class AdminWithdrawalController {

  private final CallerIdentity identity;
  private final WithdrawalService withdrawals;

  public AdminWithdrawalController(CallerIdentity identity, WithdrawalService withdrawals) {
    this.identity = identity;
    this.withdrawals = withdrawals;
  }

  @PostMapping("/{id}/approve")
  public WalletController.WithdrawalResponse approve(HttpServletRequest request, @PathVariable String id) {
    requireAdmin(request);
    return WalletController.WithdrawalResponse.of(withdrawals.approve(WalletController.parseWithdrawalId(id)));
  }

  @PostMapping("/{id}/reject")
  public WalletController.WithdrawalResponse reject(HttpServletRequest request, @PathVariable String id, @RequestBody(required = false) RejectRequest body) {
    requireAdmin(request);
    String reason = body == null || body.reason() == null ? "rejected by an admin" : body.reason();
    return WalletController.WithdrawalResponse.of(withdrawals.reject(WalletController.parseWithdrawalId(id), reason));
  }

  private void requireAdmin(HttpServletRequest request) {
    if (!identity.require(request).isAdmin()) {
      throw new CallerIdentity.Forbidden("only admins may decide on withdrawals");
    }
  }

  public record RejectRequest(String reason) {}
}
