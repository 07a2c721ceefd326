package dev.tact.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How an update's batches of notices are run: several at once, each once, and stopped by the first failure. */
class IncidentNoticesInFlightTests {

  private static final List<Integer> BATCHES = IntStream.rangeClosed(1, 10).boxed().toList();

  @Test
  void shouldRunEachBatchOnceTwoAtATimeAndAnswerTheSum() {
    CyclicBarrier pairs = new CyclicBarrier(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Set<Integer> ran = ConcurrentHashMap.newKeySet();
    int sum = IncidentNotices.inFlight(2, BATCHES, batch -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        // only two batches running at the same time pass the barrier: one at a time would wait until it broke
        pairs.await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the batches did not run two at a time", e);
      }
      assertThat(ran.add(batch)).as("batch %s ran once", batch).isTrue();
      running.decrementAndGet();
      return batch * 100;
    });
    assertThat(sum).isEqualTo(5500);
    assertThat(ran).containsExactlyInAnyOrderElementsOf(BATCHES);
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void shouldRunOneAtATimeInOrderWhenAskedForOne() {
    List<Integer> order = new java.util.ArrayList<>();
    assertThat(IncidentNotices.inFlight(1, BATCHES, batch -> {
      order.add(batch);
      return 1;
    })).isEqualTo(10);
    assertThat(order).isEqualTo(BATCHES);
  }

  @Test
  void shouldThrowTheFirstFailureOnceEveryBatchStartedHasEnded() {
    AtomicInteger running = new AtomicInteger();
    Set<Integer> ran = ConcurrentHashMap.newKeySet();
    assertThatThrownBy(() -> IncidentNotices.inFlight(2, BATCHES, batch -> {
      running.incrementAndGet();
      try {
        ran.add(batch);
        if (batch == 1) {
          throw new IllegalStateException("key in use");
        }
        return 1;
      } finally {
        running.decrementAndGet();
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("key in use");
    assertThat(ran).contains(1);
    assertThat(running.get()).as("batches still running when the failure was thrown").isZero();
  }
}
