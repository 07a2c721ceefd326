package dev.tact.churn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How often one contact gets in touch, as kept per contact: when their latest episode started, how many there were,
 * and the seconds between the latest ones (oldest first). Plain Java: the store keeps it, the cohort benchmark runs
 * the very same arithmetic.
 */
public record ContactRhythm(Instant firstActivityAt, Instant lastActivityAt, Instant lastEpisodeAt, int episodes,
    List<Long> recentIntervals) {

  public ContactRhythm {
    recentIntervals = List.copyOf(recentIntervals);
  }

  public static ContactRhythm first(Instant at) {
    return new ContactRhythm(at, at, at, 1, List.of());
  }

  /** Whether an activity at {@code at} starts a new episode rather than continuing the latest one. */
  public boolean startsEpisode(Instant at, ChurnProperties settings) {
    return Duration.between(lastEpisodeAt, at).compareTo(settings.sameEpisode()) >= 0
        && at.isAfter(lastEpisodeAt);
  }

  /** This rhythm after an activity at {@code at}; {@code newEpisode} as {@link #startsEpisode} answered. */
  public ContactRhythm after(Instant at, boolean newEpisode, ChurnProperties settings) {
    Instant last = at.isAfter(lastActivityAt) ? at : lastActivityAt;
    if (!newEpisode) {
      return new ContactRhythm(firstActivityAt, last, lastEpisodeAt, episodes, recentIntervals);
    }
    List<Long> intervals = new ArrayList<>(recentIntervals);
    intervals.add(Duration.between(lastEpisodeAt, at).toSeconds());
    while (intervals.size() > settings.keptIntervals()) {
      intervals.removeFirst();
    }
    return new ContactRhythm(firstActivityAt, last, at, episodes + 1, intervals);
  }

  /** The median of the recent intervals, once the contact has {@code minimumEpisodes}; null before. */
  public Long usualIntervalSeconds(ChurnProperties settings) {
    if (episodes < settings.minimumEpisodes() || recentIntervals.isEmpty()) {
      return null;
    }
    long[] sorted = recentIntervals.stream().mapToLong(Long::longValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  public Long longestIntervalSeconds() {
    return recentIntervals.stream().max(Long::compare).orElse(null);
  }

  /** When this contact becomes overdue: quiet for more than max(k x usual, longest gap); null without a usual. */
  public Instant overdueAt(ChurnProperties settings) {
    Long usual = usualIntervalSeconds(settings);
    return usual == null ? null : overdueAt(lastActivityAt, usual, longestIntervalSeconds(), settings.overdueFactor());
  }

  static Instant overdueAt(Instant lastActivity, long usualSeconds, Long longestSeconds, double factor) {
    long threshold = Math.max((long) Math.ceil(factor * usualSeconds), longestSeconds == null ? 0 : longestSeconds);
    return lastActivity.plusSeconds(threshold);
  }

  String intervalsText() {
    return String.join(",", recentIntervals.stream().map(String::valueOf).toList());
  }

  static List<Long> parseIntervals(String text) {
    return text == null || text.isBlank() ? List.of()
        : Arrays.stream(text.split(",")).map(String::strip).map(Long::parseLong).toList();
  }
}
