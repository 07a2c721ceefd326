package dev.tact.intake;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/** Wakes this node's pipeline workers when the log has committed new items. */
@Component
class PipelineSignal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition logged = lock.newCondition();
  private long generation;

  void itemsLogged() {
    lock.lock();
    try {
      generation++;
      logged.signalAll();
    } finally {
      lock.unlock();
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

  /** Waits until items are logged after {@code seen}, or the timeout passes. */
  void awaitAfter(long seen, long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (generation == seen && nanos > 0) {
        nanos = logged.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
