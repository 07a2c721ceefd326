package dev.tact.shared;

import java.util.List;

/** One page of a longer list. Pages count from 0. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

  public int totalPages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasNext() {
    return page + 1 < totalPages();
  }
}
