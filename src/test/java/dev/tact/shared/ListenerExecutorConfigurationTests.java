package dev.tact.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class ListenerExecutorConfigurationTests {

  @Test
  void shouldRunAtMostItsThreadsAtOnceAndLetThePublisherRunTheCallWhenTheQueueIsFull() throws Exception {
    ThreadPoolTaskExecutor executor = ListenerExecutorConfiguration.boundedExecutor(1, 1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch queuedRan = new CountDownLatch(1);
    AtomicReference<Thread> busy = new AtomicReference<>();
    AtomicReference<Thread> overflow = new AtomicReference<>();
    try {
      executor.execute(() -> {
        busy.set(Thread.currentThread());
        await(release);
      });
      executor.execute(queuedRan::countDown); // waits in the queue behind the busy thread
      executor.execute(() -> overflow.set(Thread.currentThread())); // the queue is full: the caller runs it

      assertThat(overflow.get()).isSameAs(Thread.currentThread());
      assertThat(queuedRan.getCount()).isEqualTo(1);
      release.countDown();
      assertThat(queuedRan.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(busy.get().isVirtual()).isTrue();
      assertThat(busy.get().getName()).startsWith("listener-");
    } finally {
      release.countDown();
      executor.shutdown();
    }
  }

  @Test
  void shouldKeepListenerThreadsToHalfTheDatabasePool() {
    ListenerExecutorProperties eight = new ListenerExecutorProperties(8, 100);
    assertThat(eight.threadsFor(20)).isEqualTo(8);
    assertThat(eight.threadsFor(8)).isEqualTo(4);
    assertThat(eight.threadsFor(1)).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
