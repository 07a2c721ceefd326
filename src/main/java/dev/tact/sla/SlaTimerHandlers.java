package dev.tact.sla;

import dev.tact.timer.FiredTimer;
import dev.tact.timer.TimerHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two timer kinds of the SLA clocks. */
@Configuration(proxyBeanMethods = false)
class SlaTimerHandlers {

  @Bean
  TimerHandler slaWarningTimer(SlaClocks clocks) {
    return handler(SlaClocks.WARNING_TIMER, clocks::fireWarning);
  }

  @Bean
  TimerHandler slaBreachTimer(SlaClocks clocks) {
    return handler(SlaClocks.BREACH_TIMER, clocks::fireBreach);
  }

  private static TimerHandler handler(String kind, java.util.function.Consumer<FiredTimer> fire) {
    return new TimerHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void fire(FiredTimer timer) {
        fire.accept(timer);
      }
    };
  }
}
