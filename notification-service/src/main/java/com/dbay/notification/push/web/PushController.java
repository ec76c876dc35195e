package com.dbay.notification.push.web;

import com.dbay.notification.push.PushKeys;
import com.dbay.notification.push.PushSubscriptions;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.identity.CurrentUser;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browser push for the signed-in user: the VAPID public key to subscribe with, and their browsers'
 * subscriptions (the body is what {@code PushSubscription.toJSON()} gives).
 */
@RestController
@RequestMapping("/api/v1/notification/push")
class PushController {

  record PublicKeyView(String publicKey) {}

  record Keys(String p256dh, String auth) {}

  record SubscriptionForm(String endpoint, Keys keys) {}

  record SubscriptionView(String id, String endpoint, Instant createdAt) {}

  record SubscriptionsView(List<SubscriptionView> items) {}

  private final PushKeys keys;
  private final PushSubscriptions subscriptions;

  PushController(PushKeys keys, PushSubscriptions subscriptions) {
    this.keys = keys;
    this.subscriptions = subscriptions;
  }

  @GetMapping("/public-key")
  PublicKeyView publicKey(@CurrentUser Identity user) {
    return new PublicKeyView(keys.publicKey());
  }

  @GetMapping("/subscriptions")
  SubscriptionsView list(@CurrentUser Identity user) {
    return new SubscriptionsView(
        subscriptions.of(user.userId()).stream().map(PushController::view).toList());
  }

  @PostMapping("/subscriptions")
  @ResponseStatus(HttpStatus.CREATED)
  SubscriptionView subscribe(@CurrentUser Identity user, @RequestBody SubscriptionForm form) {
    Keys k = form.keys() == null ? new Keys(null, null) : form.keys();
    return view(subscriptions.subscribe(user.userId(), form.endpoint(), k.p256dh(), k.auth()));
  }

  /** Removes the caller's subscription of that endpoint; another user's answers 404. */
  @DeleteMapping("/subscriptions")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unsubscribe(@CurrentUser Identity user, @RequestParam String endpoint) {
    if (!subscriptions.unsubscribe(user.userId(), endpoint)) {
      throw DomainException.notFound("Push subscription");
    }
  }

  private static SubscriptionView view(PushSubscriptions.Subscription s) {
    return new SubscriptionView(s.id().toString(), s.endpoint(), s.createdAt());
  }
}
