package dev.tact.timer.web;

import dev.tact.timer.QueueBacklog;
import dev.tact.timer.QueueStatus;
import java.time.Duration;

/** One row of Admin → Work queues, as words. */
record QueueView(String queue, int threads, String waiting, String lag, String parked, long doneLastMinute,
    String perSecond, long failedLastMinute, String drain, boolean behind) {

  /** A queue is shown as behind when its oldest item has waited longer than this. */
  static final Duration BEHIND = Duration.ofMinutes(1);

  static QueueView of(QueueStatus status) {
    var backlog = status.backlog();
    Duration lag = status.lag().orElse(Duration.ZERO);
    return new QueueView(status.queue(), status.threads(),
        backlog.map(b -> Long.toString(b.waiting())).orElse("—"),
        backlog.map(b -> b.waiting() == 0 ? "none waiting" : b.knowsLag() ? duration(lag) : "not recorded")
            .orElse("—"),
        backlog.map(QueueBacklog::parkedCount).map(String::valueOf).orElse("—"),
        status.doneLastMinute(), String.format(java.util.Locale.ROOT, "%.1f", status.doneLastMinute() / 60.0),
        status.failedLastMinute(), status.drainEstimate().map(QueueView::duration).orElse("—"),
        lag.compareTo(BEHIND) > 0);
  }

  static String duration(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
