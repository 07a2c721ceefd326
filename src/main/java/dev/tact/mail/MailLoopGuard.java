package dev.tact.mail;

import dev.tact.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Breaks mail loops: at most {@code tact.mail.max-automatic-per-hour} automatic messages are
 * filed from one address, or sent to one address, in any hour. Tact never answers automatic mail
 * automatically; this bounds what two machines can still do to each other.
 */
@Service
public class MailLoopGuard {

  private static final Duration WINDOW = Duration.ofHours(1);

  private final MailArchive archive;
  private final JdbcClient jdbc;
  private final MailProperties properties;
  private final Clock clock;

  MailLoopGuard(MailArchive archive, JdbcClient jdbc, MailProperties properties, Clock clock) {
    this.archive = archive;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Whether one more automatic message from this address may be filed now. */
  public boolean mayFileAutomaticFrom(String address) {
    return address == null
        || archive.automaticFrom(normalise(address), clock.instant().minus(WINDOW)) < properties.maxAutomaticPerHour();
  }

  /**
   * Records an automatic message about to be sent to this address and answers true, or answers
   * false (recording nothing) when the hour's limit for that address is reached.
   */
  @Transactional
  public boolean tryRecordAutomaticSend(String address) {
    String normalised = normalise(address);
    Instant now = clock.instant();
    long sent = jdbc.sql("SELECT COUNT(*) FROM mail_automatic_sent WHERE address = :address AND sent_at >= :since")
        .param("address", normalised).param("since", dev.tact.shared.SqlTime.utc(now.minus(WINDOW)))
        .query(Long.class).single();
    if (sent >= properties.maxAutomaticPerHour()) {
      return false;
    }
    jdbc.sql("INSERT INTO mail_automatic_sent (id, address, sent_at) VALUES (:id, :address, :at)")
        .param("id", Ids.newId()).param("address", normalised).param("at", dev.tact.shared.SqlTime.utc(now)).update();
    return true;
  }

  private static String normalise(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
