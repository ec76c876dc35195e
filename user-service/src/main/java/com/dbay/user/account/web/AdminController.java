package com.dbay.user.account.web;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.identity.CurrentUser;
import com.dbay.user.account.AccountView;
import com.dbay.user.account.AdminService;
import com.dbay.user.account.UserId;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/user/admin/users")
class AdminController {

  record Suspension(@Size(max = 500) String reason) {}

  record AccountPage(List<AccountView> items, int page, int size, long total) {}

  private final AdminService admin;

  AdminController(AdminService admin) {
    this.admin = admin;
  }

  @GetMapping({"", "/"})
  AccountPage list(
      @CurrentUser Identity caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    var result = admin.list(caller, page, size);
    return new AccountPage(
        result.map(AccountView::of).getContent(),
        result.getNumber(),
        result.getSize(),
        result.getTotalElements());
  }

  @PostMapping({"/{id}/suspend", "/{id}/suspend/"})
  AccountView suspend(
      @CurrentUser Identity caller,
      @PathVariable String id,
      @RequestBody(required = false) @jakarta.validation.Valid Suspension body) {
    return AccountView.of(admin.suspend(caller, target(id), body == null ? null : body.reason()));
  }

  @PostMapping({"/{id}/reinstate", "/{id}/reinstate/"})
  AccountView reinstate(@CurrentUser Identity caller, @PathVariable String id) {
    return AccountView.of(admin.reinstate(caller, target(id)));
  }

  private static UserId target(String id) {
    return UserId.parse(id).orElseThrow(() -> DomainException.notFound("The account"));
  }
}
