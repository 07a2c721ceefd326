package dev.tact.noise.similarity;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** INTERIM: a linear index replaced by noise-core's LSH index at merge. */
public final class SignatureIndex {

  private record Entry(String authorKey, Signature signature, long epochSecond) {}

  private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();

  public void add(long ref, String authorKey, Signature signature, long epochSecond) {
    if (!signature.isEmpty()) {
      entries.put(ref, new Entry(authorKey, signature, epochSecond));
    }
  }

  public Optional<IndexMatch> bestMatch(String authorKey, Signature signature, long sinceEpochSecond,
      double threshold) {
    IndexMatch best = null;
    for (var e : entries.entrySet()) {
      Entry entry = e.getValue();
      if (entry.epochSecond() < sinceEpochSecond || !java.util.Objects.equals(entry.authorKey(), authorKey)) {
        continue;
      }
      double s = entry.signature().similarity(signature);
      if (s >= threshold && (best == null || s > best.similarity())) {
        best = new IndexMatch(e.getKey(), s);
      }
    }
    return Optional.ofNullable(best);
  }

  public int removeOlderThan(long epochSecond) {
    int before = entries.size();
    entries.values().removeIf(e -> e.epochSecond() < epochSecond);
    return before - entries.size();
  }

  public int size() {
    return entries.size();
  }
}
