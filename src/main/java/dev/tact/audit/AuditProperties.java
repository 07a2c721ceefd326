package dev.tact.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code tact.audit.retention}: how long entries are kept (default 400 days, at least one day). */
@ConfigurationProperties("tact.audit")
public record AuditProperties(@DefaultValue("400d") Duration retention) {

  public AuditProperties {
    if (retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("tact.audit.retention must be at least one day, was " + retention);
    }
  }
}
