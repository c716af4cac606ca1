package org.socius.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the JSON API, acting with one bearer token. */
public final class Api {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final String token;

  public Api(int port, String token) {
    this.base = "http://localhost:" + port;
    this.token = token;
  }

  public Response get(String path) {
    return send("GET", path, null, "application/json", Map.of());
  }

  public Response post(String path, String json) {
    return send("POST", path, json, "application/json", Map.of());
  }

  public Response post(String path, String json, Map<String, String> headers) {
    return send("POST", path, json, "application/json", headers);
  }

  public Response put(String path, String json, Map<String, String> headers) {
    return send("PUT", path, json, "application/json", headers);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, "application/json", Map.of());
  }

  public Response send(
      String method, String path, String body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), flatten(response));
    } catch (IOException e) {
      throw new RuntimeException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException(e);
    }
  }

  private static Map<String, String> flatten(HttpResponse<?> response) {
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    return headers;
  }

  /** What the server answered. */
  public record Response(int status, String body, Map<String, String> headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }
}
