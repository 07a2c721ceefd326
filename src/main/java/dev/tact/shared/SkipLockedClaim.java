package dev.tact.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Claims a batch of a work table's rows so that concurrent claimers get disjoint batches, each read in about as many
 * rows as it takes, on H2 as on PostgreSQL: the keys of the next candidates are read in claim order without a lock,
 * then those rows are locked by their keys ({@code FOR UPDATE SKIP LOCKED}, the claim condition checked again);
 * candidates other transactions hold are passed over and the next ones read, until the batch is full or none is left.
 *
 * <p>One {@code SELECT ... ORDER BY .. LIMIT n FOR UPDATE SKIP LOCKED} would do on PostgreSQL, but H2 (2.4) takes
 * the order from an index under FOR UPDATE only when that index is the table's row key: otherwise it reads and locks
 * every row the condition matches, then sorts and cuts at the LIMIT. A second claimer then finds every due row held
 * and claims nothing until the first commits, and each claim costs the whole backlog.
 */
public final class SkipLockedClaim {

  private SkipLockedClaim() {}

  /** Keys of the rows that qualify, in claim order, without a lock: at most {@code limit} from {@code offset}. */
  @FunctionalInterface
  public interface Candidates<K> {
    List<K> read(int limit, int offset);
  }

  /**
   * Locks those of {@code keys} whose rows still qualify and that no other transaction holds ({@code FOR UPDATE
   * SKIP LOCKED}), and answers them in any order.
   */
  @FunctionalInterface
  public interface Lock<K, R> {
    List<R> lockFree(List<K> keys);
  }

  /** Up to {@code limit} rows locked in the caller's transaction, in claim order. */
  public static <K, R> List<R> claim(int limit, Candidates<K> candidates, Lock<K, R> lock, Function<R, K> keyOf) {
    List<R> claimed = new ArrayList<>();
    Set<K> claimedKeys = new HashSet<>();
    int offset = 0;
    while (claimed.size() < limit) {
      int wanted = limit - claimed.size();
      List<K> page = candidates.read(wanted, offset);
      offset += page.size();
      // rows of equal order may come in another order on the next read: a key claimed already is not taken twice
      List<K> keys = page.stream().filter(key -> !claimedKeys.contains(key)).toList();
      if (!keys.isEmpty()) {
        List<R> locked = inOrderOf(keys, lock.lockFree(keys), keyOf);
        locked.forEach(row -> claimedKeys.add(keyOf.apply(row)));
        claimed.addAll(locked);
      }
      if (page.size() < wanted) {
        break;
      }
    }
    return claimed;
  }

  private static <K, R> List<R> inOrderOf(List<K> keys, List<R> locked, Function<R, K> keyOf) {
    Map<K, R> byKey = new HashMap<>();
    locked.forEach(row -> byKey.put(keyOf.apply(row), row));
    List<R> ordered = new ArrayList<>(locked.size());
    for (K key : keys) {
      R row = byKey.get(key);
      if (row != null) {
        ordered.add(row);
      }
    }
    return ordered;
  }
}
