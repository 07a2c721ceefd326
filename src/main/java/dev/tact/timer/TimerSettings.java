package dev.tact.timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@link TimerProperties} from {@code tact.timers.*}. Installations configured before the timers had a
 * module of their own set {@code tact.sla.timers.*}: those names are still read when no new one is set.
 */
@Configuration(proxyBeanMethods = false)
class TimerSettings {

  private static final Logger log = LoggerFactory.getLogger(TimerSettings.class);
  static final String PREFIX = "tact.timers";
  static final String EARLIER_PREFIX = "tact.sla.timers";

  @Bean
  TimerProperties timerProperties(Environment environment) {
    Binder binder = Binder.get(environment);
    Bindable<TimerProperties> settings = Bindable.of(TimerProperties.class);
    return binder.bind(PREFIX, settings).orElseGet(() -> binder.bind(EARLIER_PREFIX, settings)
        .map(earlier -> {
          log.warn("{}.* is read as {}.*; rename the settings", EARLIER_PREFIX, PREFIX);
          return earlier;
        })
        .orElseGet(() -> binder.bindOrCreate(PREFIX, settings)));
  }
}
