package com.dbay.platform.starter.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The part of {@link Idempotent} that needs the whole exchange: buffers the body of requests that
 * carry an {@code Idempotency-Key} (so the interceptor can fingerprint it) and, once the handler
 * and any error handling are done, stores the final status and body for the key that the
 * {@link IdempotencyInterceptor} claimed, or gives the key back after a server error.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
  static final String CLAIM_ATTRIBUTE = IdempotencyFilter.class.getName() + ".claim";

  private final IdempotencyStore store;

  public IdempotencyFilter(IdempotencyStore store) {
    this.store = store;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader(IdempotencyInterceptor.HEADER) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CachedBodyRequest cached = new CachedBodyRequest(request);
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    boolean failed = true;
    try {
      chain.doFilter(cached, recorded);
      failed = false;
    } finally {
      if (request.getAttribute(CLAIM_ATTRIBUTE) instanceof IdempotencyStore.Claimed claim) {
        try {
          if (failed || recorded.getStatus() >= 500) {
            store.release(claim);
          } else {
            store.complete(claim, recorded.getStatus(), recorded.getContentType(), recorded.getContentAsByteArray());
          }
        } catch (RuntimeException e) {
          // The response itself is fine; the client may see a 409 on a retry instead of a replay.
          log.error("could not record the outcome of idempotency key {}", claim.key(), e);
        }
      }
      recorded.copyBodyToResponse();
    }
  }
}
