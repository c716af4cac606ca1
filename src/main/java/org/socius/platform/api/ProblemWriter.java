package org.socius.platform.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem-details answer from a servlet filter, where no controller advice runs. */
@Component
public class ProblemWriter {

  private final JsonMapper json;
  private final MessageSource messages;

  ProblemWriter(JsonMapper json, MessageSource messages) {
    this.json = json;
    this.messages = messages;
  }

  public void write(
      HttpServletResponse response, HttpStatus status, String code, Locale locale, Object... args)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "/problems/" + code);
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", messages.getMessage("error." + code, args, code, locale));
    body.put("code", code);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }
}
