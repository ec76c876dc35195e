package com.dbay.user.feedback.web;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.identity.CurrentUser;
import com.dbay.user.feedback.FeedbackService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Feedback: leave one on a finished order, read an order's, read a member's (public). */
@RestController
@RequestMapping("/api/v1/user")
class FeedbackController {

  private final FeedbackService feedback;

  FeedbackController(FeedbackService feedback) {
    this.feedback = feedback;
  }

  @PostMapping("/feedback")
  @ResponseStatus(HttpStatus.CREATED)
  FeedbackService.FeedbackView leave(
      @CurrentUser Identity caller, @RequestBody(required = false) FeedbackService.Leave body) {
    return feedback.leave(caller, body);
  }

  @GetMapping("/feedback/orders/{orderId}")
  FeedbackService.OrderFeedback order(@CurrentUser Identity caller, @PathVariable String orderId) {
    return feedback.forOrder(caller, orderId);
  }

  @GetMapping({"/profiles/{username}/feedback", "/profiles/{username}/feedback/"})
  FeedbackService.Profile profile(
      @PathVariable String username, @RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > FeedbackService.MAX_PAGE) {
      throw DomainException.invalid("validation", "limit", "must be between 1 and 100");
    }
    return feedback.profile(username, limit);
  }
}
