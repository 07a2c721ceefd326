package dev.tact.webform;

import static dev.tact.shared.SqlTime.utc;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tickets already used to send a form, shared by every node; a row is dropped once its ticket would have expired. */
@Component
class UsedTickets {

  private final JdbcClient jdbc;

  UsedTickets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean used(String ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM webform_used_ticket WHERE ticket_id = :id").param("id", ticketId)
        .query(Long.class).single() > 0;
  }

  /** Marks the ticket used; false when another request did first. */
  boolean use(String ticketId, Instant expiresAt) {
    try {
      return jdbc.sql("INSERT INTO webform_used_ticket (ticket_id, expires_at) VALUES (:id, :expires)")
          .param("id", ticketId).param("expires", utc(expiresAt)).update() == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  int forgetExpired(Instant now) {
    return jdbc.sql("DELETE FROM webform_used_ticket WHERE expires_at < :now").param("now", utc(now)).update();
  }

  void forget(String ticketId) {
    jdbc.sql("DELETE FROM webform_used_ticket WHERE ticket_id = :id").param("id", ticketId).update();
  }
}
