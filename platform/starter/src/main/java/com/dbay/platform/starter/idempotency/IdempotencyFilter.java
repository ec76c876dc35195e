package com.dbay.platform.starter.idempotency;

import com.dbay.platform.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The part of {@link Idempotent} that needs the whole exchange: buffers the body of requests that
 * carry an {@code Idempotency-Key} (so the interceptor can fingerprint it) and, once the handler
 * and any error handling are done, ends the transaction the {@link IdempotencyInterceptor} began
 * with the claim:
 *
 * <ul>
 *   <li>success (below 400): the answer is stored in that transaction and it commits, so the work,
 *       the claim and the answer exist together or not at all; nothing reaches the client before
 *       the commit (the body is buffered), and a failed commit becomes a 500;
 *   <li>a refusal (4xx): the transaction rolls back (a refusal changes nothing) and the answer is
 *       remembered on its own, so a repeat gets the same refusal;
 *   <li>a server error or an exception: the transaction rolls back and the key is free again.
 * </ul>
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
  static final String CLAIM_ATTRIBUTE = IdempotencyFilter.class.getName() + ".claim";

  /** A claimed key and the open transaction it was claimed in. */
  record Pending(IdempotencyStore.Claimed claim, TransactionStatus transaction) {}

  private final IdempotencyStore store;
  private final PlatformTransactionManager transactions;

  public IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactions) {
    this.store = store;
    this.transactions = transactions;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader(IdempotencyInterceptor.HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CachedBodyRequest cached = new CachedBodyRequest(request);
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    boolean failed = true;
    try {
      chain.doFilter(cached, recorded);
      failed = false;
    } finally {
      if (request.getAttribute(CLAIM_ATTRIBUTE) instanceof Pending pending) {
        request.removeAttribute(CLAIM_ATTRIBUTE);
        finish(pending, recorded, failed);
      }
      recorded.copyBodyToResponse();
    }
  }

  private void finish(Pending pending, ContentCachingResponseWrapper recorded, boolean failed) {
    IdempotencyStore.Claimed claim = pending.claim();
    TransactionStatus transaction = pending.transaction();
    int status = recorded.getStatus();
    if (failed || status >= 500) {
      rollback(transaction, claim);
      return;
    }
    if (status >= 400) {
      rollback(transaction, claim);
      try {
        store.rememberRefusal(
            claim, status, recorded.getContentType(), recorded.getContentAsByteArray());
      } catch (RuntimeException e) {
        // The refusal changed nothing: a repeat runs again and is refused again.
        log.warn("could not remember the refusal for idempotency key {}", claim.key(), e);
      }
      return;
    }
    if (transaction.isRollbackOnly()) {
      // The handler answered success although its work was marked for rollback: nothing happened.
      rollback(transaction, claim);
      log.error(
          "the work for idempotency key {} was rolled back although the handler answered {}",
          claim.key(),
          status);
      internalError(recorded);
      return;
    }
    try {
      store.complete(claim, status, recorded.getContentType(), recorded.getContentAsByteArray());
      transactions.commit(transaction);
    } catch (RuntimeException e) {
      if (!transaction.isCompleted()) {
        rollback(transaction, claim);
      }
      // Not committed, so nothing happened: the client must not see the success it would have had.
      log.error("could not commit the work and answer of idempotency key {}", claim.key(), e);
      internalError(recorded);
    }
  }

  private void rollback(TransactionStatus transaction, IdempotencyStore.Claimed claim) {
    try {
      transactions.rollback(transaction);
    } catch (RuntimeException e) {
      log.error("could not roll back the request of idempotency key {}", claim.key(), e);
    }
  }

  private static void internalError(ContentCachingResponseWrapper recorded) {
    recorded.resetBuffer();
    recorded.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    recorded.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String body =
        "{\"type\":\""
            + ProblemTypes.INTERNAL
            + "\",\"title\":\"Internal Server Error\",\"status\":500,"
            + "\"detail\":\"Something went wrong on our side. The request may be retried with the same Idempotency-Key.\"}";
    try {
      recorded.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.warn("could not write the error answer", e);
    }
  }
}
