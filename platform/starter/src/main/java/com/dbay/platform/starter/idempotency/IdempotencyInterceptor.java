package com.dbay.platform.starter.idempotency;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Claims the {@code Idempotency-Key} of a request to an {@link Idempotent} method, or answers for
 * it. The claim opens the request's transaction; the handler's work joins it and {@link
 * IdempotencyFilter} stores the answer and commits (or rolls back) once the response is known.
 */
public class IdempotencyInterceptor implements HandlerInterceptor {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  /** Printable ASCII without spaces: UUIDs, ULIDs and the like; bounded so it fits an index. */
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final IdempotencyStore store;
  private final IdempotencyScopeResolver scopes;
  private final IdempotencyProperties properties;
  private final PlatformTransactionManager transactions;

  /**
   * @param transactions the service's transaction manager: the request's transaction, begun here
   *     with the claim, is the one its {@code @Transactional} work joins; {@link IdempotencyFilter}
   *     ends it
   */
  public IdempotencyInterceptor(
      IdempotencyStore store,
      IdempotencyScopeResolver scopes,
      IdempotencyProperties properties,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.scopes = scopes;
    this.properties = properties;
    this.transactions = transactions;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!(handler instanceof HandlerMethod method)
        || !method.hasMethodAnnotation(Idempotent.class)) {
      return true;
    }
    String key = request.getHeader(HEADER);
    if (key == null || key.isBlank()) {
      if (method.getMethodAnnotation(Idempotent.class).required()) {
        throw new DomainException(
            Kind.INVALID,
            "idempotency-key-required",
            "Idempotency-Key required",
            "This request changes money or bids: send an Idempotency-Key header (e.g. a new UUID per intended action).",
            List.of(),
            Map.of());
      }
      return true;
    }
    if (!VALID_KEY.matcher(key).matches()) {
      throw new DomainException(
          Kind.INVALID,
          "idempotency-key-required",
          "Invalid Idempotency-Key",
          "The Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.",
          List.of(),
          Map.of());
    }
    CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
    byte[] body = cached == null ? new byte[0] : cached.body();
    String scope = scopes.scope(request);
    String fingerprint = fingerprint(request, scope, body);

    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "@Idempotent needs to begin the request's transaction; one is already open");
    }
    // Claim, work and stored answer are one transaction: it begins with the claim and ends in the
    // filter once the answer is known, so a crash anywhere in between leaves the key free.
    TransactionStatus transaction =
        transactions.getTransaction(TransactionDefinition.withDefaults());
    IdempotencyStore.Claim claim;
    try {
      claim = store.claim(scope, key, fingerprint, properties.waitForInProgress());
    } catch (RuntimeException e) {
      transactions.rollback(transaction);
      throw e;
    }
    if (claim instanceof IdempotencyStore.Claimed claimed) {
      request.setAttribute(
          IdempotencyFilter.CLAIM_ATTRIBUTE, new IdempotencyFilter.Pending(claimed, transaction));
      return true;
    }
    transactions.rollback(transaction);
    switch (claim) {
      case IdempotencyStore.Claimed claimed -> throw new IllegalStateException("handled above");
      case IdempotencyStore.Replay replay -> {
        response.setStatus(replay.status());
        if (replay.contentType() != null) {
          response.setContentType(replay.contentType());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (replay.body() != null) {
          response.getOutputStream().write(replay.body());
        }
        return false;
      }
      case IdempotencyStore.Mismatch mismatch ->
          throw new DomainException(
              Kind.UNPROCESSABLE,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "This Idempotency-Key was already used for a different request. Use a new key for a new action.",
              List.of(),
              Map.of());
      case IdempotencyStore.InProgress inProgress ->
          throw new DomainException(
              Kind.CONFLICT,
              "idempotency-key-in-progress",
              "Request in progress",
              "A request with this Idempotency-Key is still being processed. Retry shortly with the same key.",
              List.of(),
              Map.of());
    }
  }

  static String fingerprint(HttpServletRequest request, String scope, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String query = request.getQueryString();
      String head =
          request.getMethod()
              + "\n"
              + request.getRequestURI()
              + (query == null ? "" : "?" + query)
              + "\n"
              + scope
              + "\n";
      sha.update(head.getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
