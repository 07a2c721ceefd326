package dev.tact.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the folds that keep the dashboard's summary tables (ADR 0046) on the claim worker: one thread on a node that
 * folds ({@code tact.dashboard.fold.enabled}), batches of 2,000 claimed and folded in one transaction, back-off from
 * a second to five minutes. A failed attempt is counted on nothing: the claimed rows stay, and the next pass folds
 * them again.
 */
@Component
public class SummaryFolds {

  /** What a fold owns: how it claims a batch of its rows and how it folds them, in the claiming transaction. */
  public interface Fold<T> {

    /** Locks up to {@code limit} rows to fold that no other transaction holds; empty when there are none. */
    List<T> claim(int limit);

    /** Adds the claimed rows to the summary and removes them. */
    void fold(List<T> claimed);

    /** How many rows wait to be folded (change rows carry no time, so the lag is not known). */
    long waiting();
  }

  private final ClaimWorkers workers;
  private final boolean enabled;
  private final Duration pollInterval;

  SummaryFolds(ClaimWorkers workers, @Value("${tact.dashboard.fold.enabled:true}") boolean enabled,
      @Value("${tact.dashboard.fold.poll-interval:2s}") Duration pollInterval) {
    this.workers = workers;
    this.enabled = enabled;
    this.pollInterval = pollInterval;
  }

  /** Registers a fold under its queue name; its worker starts with the application. */
  public <T> Worker register(String queue, Fold<T> fold) {
    return workers.register(new FoldQueue<>(fold), WorkerSettings.locked(queue, enabled, enabled ? 1 : 0, 2000,
        pollInterval, 10, Backoff.doubling(Duration.ofSeconds(1), Duration.ofMinutes(5))), new WakeUp());
  }

  private record FoldQueue<T>(Fold<T> fold) implements WorkQueue<T> {

    @Override
    public List<T> claimDue(Instant now, int limit) {
      return fold.claim(limit);
    }

    @Override
    public void handle(List<T> claimed) {
      fold.fold(claimed);
    }

    @Override
    public boolean recordFailure(T item, WorkFailure failure) {
      return false;
    }

    @Override
    public Optional<QueueBacklog> backlog(Instant now) {
      return Optional.of(new QueueBacklog(fold.waiting(), Optional.empty(), OptionalLong.empty()));
    }
  }
}
