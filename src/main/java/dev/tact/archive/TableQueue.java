package dev.tact.archive;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The tables still to export, the largest first (so that the two readers finish close together), shared by the
 * connections that read them. Without sizes (H2) the schema's order.
 */
final class TableQueue {

  private final Deque<DatabaseSchema.Table> waiting;

  TableQueue(List<DatabaseSchema.Table> tables, Map<String, Long> sizes) {
    waiting = new ArrayDeque<>(tables.stream()
        .sorted(Comparator.comparingLong((DatabaseSchema.Table t) -> sizes.getOrDefault(t.name(), 0L)).reversed())
        .toList());
  }

  /** The next table to read, or null when every table has been taken. */
  synchronized DatabaseSchema.Table next() {
    return waiting.pollFirst();
  }
}
