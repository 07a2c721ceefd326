package dev.tact.intake;

import dev.tact.timer.WakeUp;
import org.springframework.stereotype.Component;

/** Wakes this node's pipeline workers when the log has committed new items. */
@Component
class PipelineSignal extends WakeUp {

  void itemsLogged() {
    wake();
  }
}
