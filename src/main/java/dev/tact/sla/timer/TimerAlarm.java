package dev.tact.sla.timer;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/** Wakes this node's idle timer workers early: when a timer due soon was scheduled here, or on shutdown. */
@Component
class TimerAlarm {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition rung = lock.newCondition();
  private long generation;

  void ring() {
    lock.lock();
    try {
      generation++;
      rung.signalAll();
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

  /** Waits until the alarm rings after {@code seen}, or the timeout passes. */
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
