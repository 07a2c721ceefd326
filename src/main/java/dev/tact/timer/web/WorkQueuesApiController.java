package dev.tact.timer.web;

import dev.tact.shared.web.ApiController;
import dev.tact.timer.ClaimWorkers;
import dev.tact.timer.QueueBacklog;
import dev.tact.timer.QueueStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The work queues' backlog and lag over the API, for monitoring that does not scrape metrics. */
@ApiController
@RequestMapping("/api/v1/admin/queues")
@Tag(name = "Administration", description = "Admin role only")
class WorkQueuesApiController {

  /**
   * One queue. {@code waiting}, {@code lagSeconds} and {@code parked} are null when the queue does not report them
   * ({@code parked} also for a queue that never parks); the rest is this node's.
   */
  record Queue(String queue, int threads, Long waiting, Double lagSeconds, Long parked, long doneLastMinute,
      long failedLastMinute, Double drainSeconds) {

    static Queue of(QueueStatus s) {
      return new Queue(s.queue(), s.threads(), s.backlog().map(b -> b.waiting()).orElse(null),
          s.lag().map(WorkQueuesApiController::seconds).orElse(null),
          s.backlog().map(QueueBacklog::parkedCount).orElse(null),
          s.doneLastMinute(), s.failedLastMinute(), s.drainEstimate().map(WorkQueuesApiController::seconds)
              .orElse(null));
    }
  }

  private final ClaimWorkers workers;

  WorkQueuesApiController(ClaimWorkers workers) {
    this.workers = workers;
  }

  @Operation(summary = "Work queues: backlog, lag, parked items and this node's pace",
      description = "One entry per claim-worker queue (intake pipeline, delivery, timers, summary folds). "
          + "waiting, lagSeconds and parked are read from the database and cover every node; doneLastMinute, "
          + "failedLastMinute and drainSeconds (the backlog at this node's pace of the last minute) are this node's.")
  @GetMapping
  List<Queue> queues() {
    return workers.statuses().stream().map(Queue::of).toList();
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
