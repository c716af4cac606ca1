package org.socius.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session (cookies, CSRF token from the page) without a browser. */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** What a browser accepts for a page: error answers come as pages too, not as JSON. */
  private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public WebSession(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", HTML).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** The session's cookies as a request header line, for another client to send. */
  public String cookieHeader() {
    return "Cookie: "
        + cookies.getCookieStore().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
  }

  /** A document (a PDF, a spreadsheet) as the bytes served. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts a form with the CSRF token of the page at {@code formPage}. */
  public HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
    String token = csrfToken(formPage);
    String body =
        fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"))
            + "&_csrf="
            + encode(token);
    return send(
        HttpRequest.newBuilder(URI.create(base + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", HTML)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts a form without a CSRF token, as a forged cross-site request would. */
  public HttpResponse<String> postWithoutToken(String action, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Signs in; true when the server sent the user on to the dashboard. */
  public boolean signIn(String username, String password) {
    HttpResponse<String> response =
        post("/login", "/login", Map.of("username", username, "password", password));
    return response.statusCode() == 302
        && response.headers().firstValue("Location").map(l -> !l.contains("error")).orElse(false);
  }

  private String csrfToken(String page) {
    Matcher matcher = CSRF.matcher(get(page).body());
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on " + page);
    }
    return matcher.group(1);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RuntimeException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
