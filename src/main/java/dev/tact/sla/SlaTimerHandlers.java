package dev.tact.sla;

import dev.tact.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two timer kinds of the SLA clocks. */
@Configuration(proxyBeanMethods = false)
class SlaTimerHandlers {

  @Bean
  TimerHandler slaWarningTimer(SlaClocks clocks) {
    return TimerHandler.of(SlaClocks.WARNING_TIMER, clocks::fireWarning);
  }

  @Bean
  TimerHandler slaBreachTimer(SlaClocks clocks) {
    return TimerHandler.of(SlaClocks.BREACH_TIMER, clocks::fireBreach);
  }
}
