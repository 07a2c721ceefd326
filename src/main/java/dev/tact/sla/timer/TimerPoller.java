package dev.tact.sla.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's timer workers ({@code tact.sla.timers.workers}): each fires due timers with {@link TimerFiring}
 * and, when none is due, sleeps until the next one this node can fire is due, at most the poll interval (other
 * nodes may schedule sooner ones), or until {@link TimerAlarm} rings. Stopping lets each worker finish the
 * batch it is firing.
 */
@Component
class TimerPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

  private final TimerFiring firing;
  private final TimerAlarm alarm;
  private final TimerProperties properties;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> workers = new ArrayList<>();

  TimerPoller(TimerFiring firing, TimerAlarm alarm, TimerProperties properties, Clock clock) {
    this.firing = firing;
    this.alarm = alarm;
    this.properties = properties;
    this.clock = clock;
  }

  private void workLoop() {
    while (running.get()) {
      long seen = alarm.generation();
      try {
        TimerFiring.Pass pass = firing.fireDue();
        if (pass.idle()) {
          firing.flagUnhandledKinds();
          alarm.awaitAfter(seen, idleWait(pass.nextDue()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Timer worker could not claim timers; backing off", e);
        try {
          alarm.awaitAfter(seen, properties.pollInterval());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Until the next timer is due, but no longer than the poll interval (other nodes may schedule sooner ones). */
  private Duration idleWait(Instant nextDue) {
    Duration poll = properties.pollInterval();
    if (nextDue == null) {
      return poll;
    }
    Duration untilDue = Duration.between(clock.instant(), nextDue);
    return untilDue.compareTo(poll) < 0 ? (untilDue.isNegative() ? Duration.ZERO : untilDue) : poll;
  }

  @Override
  public void start() {
    if (properties.enabled() && running.compareAndSet(false, true)) {
      for (int i = 0; i < properties.workers(); i++) {
        workers.add(Thread.ofPlatform().name("sla-timer-" + i).start(this::workLoop));
      }
    }
  }

  /** Lets each worker finish the batch it is firing (its transaction commits or rolls back), then stops. */
  @Override
  public void stop() {
    running.set(false);
    alarm.ring();
    for (Thread worker : workers) {
      try {
        worker.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 200;
  }
}
