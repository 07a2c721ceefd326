package dev.tact.delivery.pacing;

import dev.tact.delivery.PacingSettingsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

  @Bean
  DomainPacer domainPacer(PacingProperties settings, PacingSettingsService limits, JdbcClient jdbc) {
    PacingProperties.Warmup warmup = settings.warmup();
    WarmupStart start = warmup.startedOn() != null ? WarmupStart.on(warmup.startedOn()) : new StoredWarmupStart(jdbc);
    // the limits an admin saved (Admin → Sending mail), else these configured ones
    return new DomainPacer(limits::effective, start);
  }
}
