package dev.tact.delivery.pacing;

import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first warm-up day kept in {@code delivery_warmup}: written once by whichever node sends first,
 * read by all, so a restart or a new node does not start the ramp again.
 */
final class StoredWarmupStart implements WarmupStart {

  private final JdbcClient jdbc;
  private volatile LocalDate known;

  StoredWarmupStart(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public LocalDate firstDay(LocalDate today) {
    LocalDate day = known;
    if (day == null) {
      day = readOrStore(today);
      known = day;
    }
    return day;
  }

  private LocalDate readOrStore(LocalDate today) {
    var stored = read();
    if (stored != null) {
      return stored;
    }
    try {
      jdbc.sql("INSERT INTO delivery_warmup (id, started_on) VALUES (1, :day)").param("day", today).update();
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // its day holds
    }
    return read();
  }

  private LocalDate read() {
    return jdbc.sql("SELECT started_on FROM delivery_warmup WHERE id = 1").query(LocalDate.class).optional()
        .orElse(null);
  }
}
