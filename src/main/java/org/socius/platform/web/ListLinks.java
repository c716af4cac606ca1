package org.socius.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of a filtered list that keep its filters: the pager adds only its page number. */
public final class ListLinks {

  private ListLinks() {}

  /** The current path and query without {@code page}, ready for the pager to add one. */
  public static String withoutPage(HttpServletRequest request) {
    return UriComponentsBuilder.fromPath(request.getRequestURI())
        .query(request.getQueryString())
        .replaceQueryParam("page")
        .build()
        .toUriString();
  }

  /** Whether htmx asked for a fragment rather than the whole page. */
  public static boolean isFragmentRequest(HttpServletRequest request) {
    return "true".equals(request.getHeader("HX-Request"))
        && !"true".equals(request.getHeader("HX-History-Restore-Request"));
  }
}
