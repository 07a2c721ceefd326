package dev.tact.compose;

import dev.tact.timer.FiredTimer;
import dev.tact.timer.TimerHandler;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Releases a held reply when its hold ends (once across nodes, in the timer's transaction). */
@Component
class ComposeTimers implements TimerHandler {

  private final HeldReplies held;

  ComposeTimers(@Lazy HeldReplies held) {
    this.held = held;
  }

  @Override
  public String kind() {
    return HeldReplies.TIMER;
  }

  @Override
  public void fire(FiredTimer timer) {
    held.release(UUID.fromString(timer.key()));
  }
}
