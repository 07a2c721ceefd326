package dev.tact.delivery;

import dev.tact.timer.WakeUp;
import org.springframework.stereotype.Component;

/** Wakes this node's idle dispatchers when rows were queued here (other nodes find them by polling). */
@Component
class DispatchSignal extends WakeUp {

  /** Wakes the dispatchers once the current transaction commits (at once outside one). */
  void afterCommit() {
    wakeAfterCommit();
  }
}
