package dev.tact.delivery;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this node's idle dispatchers when rows were queued here (other nodes find them by polling). */
@Component
class DispatchSignal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queued = lock.newCondition();
  private long generation;

  /** Wakes the dispatchers once the current transaction commits (at once outside one). */
  void afterCommit() {
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

  void wake() {
    lock.lock();
    try {
      generation++;
      queued.signalAll();
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

  void awaitAfter(long seen, long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (generation == seen && nanos > 0) {
        nanos = queued.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
