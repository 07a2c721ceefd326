package dev.tact.timer;

import java.time.Instant;
import org.springframework.context.Lifecycle;

/**
 * A registered queue's worker on this node; see {@link ClaimWorkers#register}. Its threads start and stop with the
 * application; {@link #stop} and {@link #start} pause and resume this one queue (stopping waits for each thread to
 * finish its batch).
 */
public interface Worker extends Lifecycle {

  /**
   * Claims and works one batch now on the calling thread, as each worker thread does in its loop: for tests, and
   * for a node whose threads are off.
   */
  Pass runOnce();

  /**
   * What one batch came to: items done and failed; when nothing was due, when the queue says the next item will
   * be (null if it does not know).
   */
  record Pass(int done, int failed, Instant nextDue) {

    public boolean idle() {
      return done == 0 && failed == 0;
    }
  }
}
