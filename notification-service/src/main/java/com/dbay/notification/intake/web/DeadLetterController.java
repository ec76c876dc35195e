package com.dbay.notification.intake.web;

import com.dbay.notification.intake.DeadLetterMonitor;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: how many poison events wait in the notification dead-letter queue. */
@RestController
class DeadLetterController {

  private final DeadLetterMonitor monitor;

  DeadLetterController(DeadLetterMonitor monitor) {
    this.monitor = monitor;
  }

  @GetMapping("/api/v1/notification/admin/dead-letters")
  DeadLetterMonitor.DeadLetters deadLetters(@CurrentUser Identity user) {
    if (!user.isAdmin()) {
      throw DomainException.forbidden("Only administrators see the dead-letter queue.");
    }
    return monitor.check();
  }
}
