package com.dbay.platform.starter.web;

import com.dbay.platform.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the limit with 413: at once when {@code Content-Length} says so,
 * otherwise as soon as a chunked body crosses it while being read (the exception handler maps the
 * read failure to 413). Tomcat's own limits only cover form posts, not JSON.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final ProblemWriter problems;

  public BodySizeLimitFilter(long limit, ProblemWriter problems) {
    this.limit = limit;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      problems.write(response, tooLarge());
      return;
    }
    try {
      chain.doFilter(new Limited(request, limit), response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (causedByTooLarge(e) && !response.isCommitted()) {
        problems.write(response, tooLarge());
        return;
      }
      throw e;
    }
  }

  private org.springframework.http.ProblemDetail tooLarge() {
    return ProblemWriter.problem(
        HttpStatus.CONTENT_TOO_LARGE,
        ProblemTypes.PAYLOAD_TOO_LARGE,
        "The request body is larger than the limit of " + limit + " bytes.");
  }

  static boolean causedByTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return true;
      }
    }
    return false;
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
