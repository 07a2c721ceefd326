package dev.tact.shared;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Queries by many values as {@code IN (...)} lists of a bounded size: a statement per {@value #MAX} values keeps
 * its text and parameter count small, and both databases plan each slice as a few index seeks.
 */
public final class InLists {

  public static final int MAX = 1000;

  private InLists() {}

  /** Hands {@code query} the distinct values, in the order first seen, {@value #MAX} at a time. */
  public static <T> void forEachSlice(Collection<? extends T> values, Consumer<List<T>> query) {
    List<T> distinct = List.copyOf(new LinkedHashSet<T>(values));
    for (int from = 0; from < distinct.size(); from += MAX) {
      query.accept(distinct.subList(from, Math.min(distinct.size(), from + MAX)));
    }
  }
}
