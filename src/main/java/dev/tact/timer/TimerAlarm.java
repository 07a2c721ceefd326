package dev.tact.timer;

import org.springframework.stereotype.Component;

/** Wakes this node's idle timer workers early: when a timer due soon was scheduled here, or on shutdown. */
@Component
class TimerAlarm extends WakeUp {

  void ring() {
    wake();
  }
}
