package dev.tact.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list. Pages count from 0. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

  public int totalPages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasNext() {
    return page + 1 < totalPages();
  }

  public <R> PageResult<R> map(Function<T, R> mapper) {
    return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
