package dev.tact.delivery.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PacingSettingsTests {

  @Test
  void shouldBindPerDomainLimitsAndDefaultsFromProperties() {
    var source = new MapConfigurationPropertySource(Map.of(
        "tact.delivery.pacing.nodes", "2",
        "tact.delivery.pacing.domains[Gmail.com].rate", "20",
        "tact.delivery.pacing.domains[Gmail.com].burst", "40",
        "tact.delivery.pacing.domains[yahoo.com].rate", "2.5",
        "tact.delivery.pacing.warmup.enabled", "true"));

    PacingProperties settings = new Binder(source).bind("tact.delivery.pacing", PacingProperties.class).get();

    assertThat(settings.enabled()).isTrue();
    assertThat(settings.nodes()).isEqualTo(2);
    assertThat(settings.limitFor("gmail.com")).isEqualTo(new PacingProperties.Limit(20, 40));
    assertThat(settings.limitFor("yahoo.com")).isEqualTo(new PacingProperties.Limit(2.5, 1));
    assertThat(settings.limitFor("example.org")).isEqualTo(new PacingProperties.Limit(10, 20));
    assertThat(settings.globalRate()).isEqualTo(100);
    assertThat(settings.warmup().dailyLimits()).startsWith(50, 100, 200).endsWith(100_000);
    assertThat(settings.warmup().limitOnDay(13)).isEmpty();
  }

  @Test
  void shouldStoreTheFirstWarmUpDayOnceForEveryNode() {
    var dataSource = new DriverManagerDataSource("jdbc:h2:mem:warmup-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE delivery_warmup (id INTEGER PRIMARY KEY CHECK (id = 1), started_on DATE NOT NULL)")
        .update();

    LocalDate first = new StoredWarmupStart(jdbc).firstDay(LocalDate.parse("2026-11-23"));
    LocalDate secondNode = new StoredWarmupStart(jdbc).firstDay(LocalDate.parse("2026-11-30"));

    assertThat(first).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(secondNode).isEqualTo(first);
  }
}
