package com.dbay.notification.push;

import com.interaso.webpush.VapidKeys;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The install's VAPID key pair (RFC 8292), kept in this service's database: the first instance to
 * start on an empty database generates it (P-256) and every instance, then and later, uses the one
 * row that won ({@code on conflict do nothing}, then read back). Kept in the database rather than
 * in {@code ./dbay up}'s secrets folder because it is the service's own durable state that browsers
 * depend on (their subscriptions are bound to the public key): it must live exactly as long as the
 * subscriptions in the same database, the same way locally, in tests and in AWS (RDS, encrypted at
 * rest), with no new secret to wire into every deployment.
 */
@Component
public class PushKeys {

  private final PushStore store;
  private final Clock clock;
  private volatile VapidKeys keys;

  PushKeys(PushStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public VapidKeys keys() {
    VapidKeys k = keys;
    if (k == null) {
      synchronized (this) {
        if (keys == null) {
          keys = loadOrCreate();
        }
        k = keys;
      }
    }
    return k;
  }

  /** The application server key browsers subscribe with: 65 bytes uncompressed P-256, base64url. */
  public String publicKey() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(keys().getApplicationServerKey());
  }

  private VapidKeys loadOrCreate() {
    List<VapidKeys> found = store.vapidKeys();
    if (!found.isEmpty()) {
      return found.getFirst();
    }
    store.keepVapidKeys(VapidKeys.generate(), clock.instant());
    return store.vapidKeys().getFirst(); // ours, or another instance's that got there first
  }
}
