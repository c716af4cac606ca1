package org.socius.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the others. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
    int totalPages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
    return new PageResponse<>(List.copyOf(items), page, size, totalItems, totalPages);
  }

  public <R> PageResponse<R> map(Function<T, R> mapper) {
    return new PageResponse<>(
        items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < totalPages;
  }
}
