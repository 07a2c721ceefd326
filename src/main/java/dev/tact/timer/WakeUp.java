package dev.tact.timer;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a queue's idle workers on this node when new work was committed here (other nodes find it by polling).
 * A module keeps one per queue, as a bean of its own type, and passes it to {@link ClaimWorkers#register}.
 */
public class WakeUp {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition rung = lock.newCondition();
  private long generation;

  /** Wakes the idle workers now. */
  public void wake() {
    lock.lock();
    try {
      generation++;
      rung.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the idle workers once the current transaction commits (at once outside one), when they can see it. */
  public void wakeAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          wake();
        }
      });
    } else {
      wake();
    }
  }

  long generation() {
    lock.lock();
    try {
      return generation;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until woken after {@code seen}, or the timeout passes. */
  void awaitAfter(long seen, Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (generation == seen && nanos > 0) {
        nanos = rung.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
