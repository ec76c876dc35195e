package com.dbay.notification.inbox;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own notifications: the list, the unread count, marking read. */
@Service
public class Notifications {

  public static final int MAX_PAGE_SIZE = 100;

  private final Inbox inbox;
  private final Clock clock;

  public Notifications(Inbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public NotificationList page(String userId, int page, int size) {
    List<FieldProblem> problems = new ArrayList<>();
    if (page < 0) {
      problems.add(new FieldProblem("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!problems.isEmpty()) {
      throw DomainException.invalid(problems);
    }
    return inbox.page(userId, page, size);
  }

  public long unreadCount(String userId) {
    return inbox.unreadCount(userId);
  }

  /** Another user's notification is "not found", never "forbidden": its existence is not told. */
  @Transactional
  public void markRead(String userId, UUID id) {
    if (!inbox.markRead(userId, id, clock.instant())) {
      throw DomainException.notFound("Notification " + id);
    }
  }

  @Transactional
  public int markAllRead(String userId) {
    return inbox.markAllRead(userId, clock.instant());
  }
}
