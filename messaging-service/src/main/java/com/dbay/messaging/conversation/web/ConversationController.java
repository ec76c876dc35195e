package com.dbay.messaging.conversation.web;

import com.dbay.messaging.block.Blocks;
import com.dbay.messaging.conversation.Conversation;
import com.dbay.messaging.conversation.Conversations;
import com.dbay.messaging.conversation.Message;
import com.dbay.messaging.conversation.PagePosition;
import com.dbay.messaging.conversation.web.ConversationViews.MessagePage;
import com.dbay.messaging.conversation.web.ConversationViews.MessageView;
import com.dbay.messaging.conversation.web.ConversationViews.SendMessage;
import com.dbay.messaging.conversation.web.ConversationViews.StartThread;
import com.dbay.messaging.conversation.web.ConversationViews.ThreadPage;
import com.dbay.messaging.conversation.web.ConversationViews.ThreadView;
import com.dbay.messaging.conversation.web.ConversationViews.Unread;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.idempotency.Idempotent;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.ArrayList;
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

/** A user's private threads (docs/contracts.md, "Messaging"). */
@RestController
@RequestMapping("/api/v1/messaging")
class ConversationController {

  private final Conversations conversations;
  private final Blocks blocks;

  ConversationController(Conversations conversations, Blocks blocks) {
    this.conversations = conversations;
    this.blocks = blocks;
  }

  /** "Ask the seller privately": the caller's thread about the listing, found or created. */
  @PostMapping({"/threads", "/threads/"})
  ResponseEntity<ThreadView> start(@RequestBody StartThread request, @CurrentUser Identity caller) {
    String listingId = request.listingId();
    if (listingId == null || !isUuid(listingId)) {
      throw DomainException.invalid("validation", "listingId", "must be a listing id");
    }
    Conversations.Started started = conversations.startAboutListing(caller, listingId);
    Conversation c = started.conversation();
    return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(
            ThreadView.of(
                c,
                caller.userId(),
                conversations.unreadIn(caller, c.id()),
                blocks.blocked(caller.userId(), c.otherThan(caller.userId()))));
  }

  /** The caller's threads with at least one message, newest message first, with unread counts. */
  @GetMapping({"/threads", "/threads/"})
  ThreadPage mine(
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int limit,
      @CurrentUser Identity caller) {
    checkLimit(limit);
    List<Conversations.Listed> page =
        conversations.mine(caller, PagePosition.parse(cursor, "cursor"), limit + 1);
    boolean more = page.size() > limit;
    List<ThreadView> items = new ArrayList<>();
    for (Conversations.Listed l : page.subList(0, Math.min(limit, page.size()))) {
      items.add(ThreadView.of(l.conversation(), caller.userId(), l.unread(), null));
    }
    String next = null;
    if (more) {
      Conversation last = page.get(limit - 1).conversation();
      next = new PagePosition(last.last().at(), last.id()).cursor();
    }
    return new ThreadPage(items, next);
  }

  @GetMapping("/threads/{threadId}")
  ThreadView thread(@PathVariable String threadId, @CurrentUser Identity caller) {
    Conversation c = conversations.readable(caller, threadId);
    boolean participant = c.hasParticipant(caller.userId());
    return ThreadView.of(
        c,
        caller.userId(),
        participant ? conversations.unreadIn(caller, c.id()) : 0,
        participant ? blocks.blocked(caller.userId(), c.otherThan(caller.userId())) : null);
  }

  /**
   * The admin console's link from a dispute to the parties' thread (read-only for the admin): the
   * thread of an order in an open dispute. ADMIN only.
   */
  @GetMapping("/admin/orders/{orderId}/thread")
  ThreadView disputedThread(@PathVariable String orderId, @CurrentUser Identity caller) {
    if (orderId.isBlank() || orderId.length() > 64) {
      throw DomainException.invalid("validation", "orderId", "must be 1 to 64 characters");
    }
    Conversation c = conversations.threadOfDisputedOrder(caller, orderId);
    return ThreadView.of(c, caller.userId(), 0, null);
  }

  /** A page of messages, oldest first; {@code before} (a page's nextCursor) goes further back. */
  @GetMapping("/threads/{threadId}/messages")
  MessagePage messages(
      @PathVariable String threadId,
      @RequestParam(required = false) String before,
      @RequestParam(defaultValue = "50") int limit,
      @CurrentUser Identity caller) {
    checkLimit(limit);
    List<Message> newestFirst =
        conversations.messages(caller, threadId, PagePosition.parse(before, "before"), limit + 1);
    boolean more = newestFirst.size() > limit;
    List<Message> page =
        new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    String next = null;
    if (more) {
      Message oldest = page.getLast();
      next = new PagePosition(oldest.createdAt(), oldest.id()).cursor();
    }
    java.util.Collections.reverse(page);
    return new MessagePage(page.stream().map(MessageView::of).toList(), next);
  }

  /** Sends a message; a retry with the same Idempotency-Key sends nothing new. */
  @Idempotent
  @PostMapping("/threads/{threadId}/messages")
  ResponseEntity<MessageView> send(
      @PathVariable String threadId,
      @RequestBody SendMessage request,
      @RequestHeader("Idempotency-Key") String idempotencyKey,
      @CurrentUser Identity caller) {
    Conversations.Sent sent = conversations.send(caller, threadId, request.body(), idempotencyKey);
    return ResponseEntity.status(HttpStatus.CREATED).body(MessageView.of(sent.message()));
  }

  /** Marks the caller's messages in the thread read; answers their unread total. */
  @PostMapping("/threads/{threadId}/read")
  Unread read(@PathVariable String threadId, @CurrentUser Identity caller) {
    return new Unread(conversations.markRead(caller, threadId));
  }

  /** The header badge: messages to the caller not read yet, over all threads. */
  @GetMapping({"/unread", "/unread/"})
  Unread unread(@CurrentUser Identity caller) {
    return new Unread(conversations.unread(caller));
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > Conversations.MAX_PAGE) {
      throw DomainException.invalid(
          "validation", "limit", "must be between 1 and " + Conversations.MAX_PAGE);
    }
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
