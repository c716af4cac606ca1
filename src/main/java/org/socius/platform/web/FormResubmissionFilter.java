package org.socius.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.socius.platform.api.IdempotencyKeys;
import org.socius.platform.security.Actor;
import org.socius.platform.security.CurrentScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a browser form that records something safe to send twice. A form that includes the {@code
 * forms :: submission} fragment carries a key made when its page was shown; the first POST with
 * that key does the work, and a second one (a double click, a reload of the answer) is sent where
 * the first was, without doing it again. Keys are kept only for work that was done, which a page
 * answers with a redirect: a form shown again with its problems did nothing, so its key is released
 * and the corrected form may be sent with it.
 *
 * <p>The key is kept beside the work, not in its transaction: after a crash between the two, a
 * repeat is told the form is still being handled rather than doing the work twice.
 */
public class FormResubmissionFilter extends OncePerRequestFilter {

  /** The form field that carries the key. */
  public static final String FIELD = "_submission";

  private static final int MAX_KEY_LENGTH = 100;

  /** How long a repeat waits for the first sending to finish (a double click comes at once). */
  private static final long WAIT_MILLIS = 10_000;

  private static final long POLL_MILLIS = 50;

  private final IdempotencyKeys keys;

  public FormResubmissionFilter(IdempotencyKeys keys) {
    this.keys = keys;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod())
        || path.startsWith("/api/")
        || request.getContentType() == null
        || !request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String submission = request.getParameter(FIELD);
    Optional<String> owner = CurrentScope.actor().map(Actor::username);
    if (submission == null || owner.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (submission.isEmpty()
        || submission.length() > MAX_KEY_LENGTH
        || !submission.chars().allMatch(c -> c > 32 && c < 127)) {
      response.sendError(HttpStatus.BAD_REQUEST.value());
      return;
    }
    String key = "form " + request.getRequestURI() + " " + submission;
    byte[] hash = hash(request);
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (!keys.claim(owner.get(), key, hash)) {
      if (System.currentTimeMillis() > deadline) {
        response.sendError(HttpStatus.CONFLICT.value());
        return;
      }
      Optional<IdempotencyKeys.Sent> first = keys.find(owner.get(), key);
      if (first.isEmpty()) {
        continue; // the first sending did nothing and let the key go: this one may do the work
      }
      if (!Arrays.equals(first.get().requestHash(), hash)) {
        response.sendError(HttpStatus.CONFLICT.value());
        return;
      }
      if (first.get().location() != null) {
        response.sendRedirect(first.get().location());
        return;
      }
      pause();
    }
    boolean done = false;
    try {
      chain.doFilter(request, response);
      String location = response.getHeader(HttpHeaders.LOCATION);
      if (response.getStatus() / 100 == 3 && location != null) {
        keys.complete(owner.get(), key, response.getStatus(), null, location, null, null);
        done = true;
      }
    } finally {
      if (!done) {
        keys.release(owner.get(), key);
      }
    }
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the first sending of a form", e);
    }
  }

  /** The form's fields in a fixed order, without the CSRF token (which changes per session). */
  private static byte[] hash(HttpServletRequest request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
      fields.remove("_csrf");
      fields.forEach(
          (name, values) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            for (String value : values) {
              digest.update((byte) 0);
              digest.update(value.getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 1);
          });
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
