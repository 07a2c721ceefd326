package dev.tact.delivery.pacing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

  @Bean
  DomainPacer domainPacer(PacingProperties settings, JdbcClient jdbc) {
    PacingProperties.Warmup warmup = settings.warmup();
    WarmupStart start = warmup.startedOn() != null ? WarmupStart.on(warmup.startedOn()) : new StoredWarmupStart(jdbc);
    return new DomainPacer(settings, start);
  }
}
