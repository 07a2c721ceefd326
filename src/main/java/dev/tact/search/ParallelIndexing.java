package dev.tact.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a rebuild's indexing work on a few threads while the caller reads the next batches. At most two batches per
 * thread are waiting or in work, so a slow index holds the reader back rather than filling the heap; the first
 * failure is thrown by {@link #submit} or {@link #finish}.
 */
final class ParallelIndexing implements AutoCloseable {

  /** Indexing work on one batch. */
  interface Work {
    void run() throws IOException;
  }

  private final ExecutorService threads;
  private final Semaphore slots;
  private final int slotCount;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  ParallelIndexing(int threadCount) {
    AtomicInteger n = new AtomicInteger();
    threads = Executors.newFixedThreadPool(threadCount,
        r -> Thread.ofPlatform().name("search-rebuild-" + n.incrementAndGet()).daemon().unstarted(r));
    slotCount = threadCount * 2;
    slots = new Semaphore(slotCount);
  }

  /** Hands a batch to a thread, waiting while every slot is taken. */
  void submit(Work work) {
    rethrow();
    slots.acquireUninterruptibly();
    threads.execute(() -> {
      try {
        if (failure.get() == null) {
          work.run();
        }
      } catch (IOException | RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      } finally {
        slots.release();
      }
    });
  }

  /** Waits until every batch handed over is indexed. */
  void finish() {
    slots.acquireUninterruptibly(slotCount);
    slots.release(slotCount);
    rethrow();
  }

  private void rethrow() {
    Throwable e = failure.get();
    if (e instanceof IOException io) {
      throw new UncheckedIOException(io);
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
  }

  /** Lets the batches handed over finish (skipped after a failure) without interrupting the index writer. */
  @Override
  public void close() {
    threads.shutdown();
    try {
      while (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
        // a slow disk: keep waiting, the writer must not be used by a thread of a finished rebuild
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
