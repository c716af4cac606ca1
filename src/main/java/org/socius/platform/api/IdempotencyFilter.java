package org.socius.platform.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes a POST to the API safe to retry: a request carrying an {@code Idempotency-Key} is done once
 * per caller and key (kept a day, see IdempotencyKeyExpiry), and a retry gets the first answer back
 * instead of creating a twin. The same key with a different request is refused (422); a retry while
 * the first is still running waits for nothing and answers 409.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  private static final int MAX_KEY_LENGTH = 255;

  private final IdempotencyKeys keys;
  private final ProblemWriter problems;
  private final List<PathPattern> ownKeys;

  /**
   * {@code ownKeys} are the paths whose handlers keep the key themselves, in the transaction that
   * does the work: their retries are exact even after a crash between the work and the answer,
   * which this filter, keeping keys beside the work, cannot promise.
   */
  public IdempotencyFilter(IdempotencyKeys keys, ProblemWriter problems, List<String> ownKeys) {
    this.keys = keys;
    this.problems = problems;
    this.ownKeys = ownKeys.stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())
        || request.getHeader(HEADER) == null
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return true;
    }
    PathContainer path =
        PathContainer.parsePath(
            request.getRequestURI().substring(request.getContextPath().length()));
    return ownKeys.stream().anyMatch(p -> p.matches(path));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER).trim();
    if (key.isEmpty()
        || key.length() > MAX_KEY_LENGTH
        || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      problems.write(
          response, HttpStatus.BAD_REQUEST, "PLT-0110", request.getLocale(), MAX_KEY_LENGTH);
      return;
    }
    String owner = CurrentScope.actor().map(Actor::username).orElse("anonymous");
    byte[] body;
    try {
      body = request.getInputStream().readAllBytes();
    } catch (PayloadTooLargeException e) {
      problems.write(
          response, HttpStatus.CONTENT_TOO_LARGE, "PLT-0413", request.getLocale(), e.limit());
      return;
    }
    byte[] requestHash = hash(request, body);

    boolean claimed = keys.claim(owner, key, requestHash);
    if (!claimed) {
      replay(owner, key, requestHash, request, response);
      return;
    }

    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    boolean stored = false;
    try {
      chain.doFilter(new CachedBodyRequest(request, body), captured);
      if (captured.getStatus() < 500) {
        keys.complete(
            owner,
            key,
            captured.getStatus(),
            captured.getContentType(),
            captured.getHeader(HttpHeaders.LOCATION),
            captured.getHeader(HttpHeaders.ETAG),
            captured.getContentAsByteArray());
        stored = true;
      }
    } finally {
      if (!stored) {
        // A failure of ours must not block the client's retry forever.
        keys.release(owner, key);
      }
      captured.copyBodyToResponse();
    }
  }

  private void replay(
      String owner,
      String key,
      byte[] requestHash,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<IdempotencyKeys.Sent> stored = keys.find(owner, key);
    if (stored.isEmpty()) {
      // The first attempt failed and released the key between our insert and this read.
      problems.write(response, HttpStatus.CONFLICT, "PLT-0412", request.getLocale());
      return;
    }
    IdempotencyKeys.Sent answer = stored.get();
    if (!Arrays.equals(answer.requestHash(), requestHash)) {
      problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "PLT-0422", request.getLocale());
      return;
    }
    if (!answer.completed()) {
      problems.write(response, HttpStatus.CONFLICT, "PLT-0412", request.getLocale());
      return;
    }
    response.setStatus(answer.status());
    response.setHeader("Idempotent-Replayed", "true");
    if (answer.contentType() != null) {
      response.setContentType(answer.contentType());
    }
    if (answer.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, answer.location());
    }
    if (answer.etag() != null) {
      response.setHeader(HttpHeaders.ETAG, answer.etag());
    }
    if (answer.body() != null) {
      response.getOutputStream().write(answer.body());
    }
  }

  private static byte[] hash(HttpServletRequest request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      if (request.getQueryString() != null) {
        digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) 0);
      digest.update(body);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request with its body already read, so the handler can read it again. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the API reads request bodies synchronously");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
