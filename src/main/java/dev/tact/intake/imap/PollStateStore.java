package dev.tact.intake.imap;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.intake.Mailbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The polling columns of {@code intake_mailbox}. Every write after the claim is conditional on
 * still holding the lease, and each is its own short statement: no transaction is held open
 * while the IMAP server is talked to.
 */
@Repository
class PollStateStore {

  private final JdbcClient jdbc;

  PollStateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Mailboxes due for a poll whose lease is free or expired, the longest waiting first. */
  List<UUID> due(Instant now, int limit) {
    return jdbc.sql("""
        SELECT id FROM intake_mailbox
        WHERE imap_enabled AND next_poll_at <= :now AND (lease_until IS NULL OR lease_until < :now)
        ORDER BY next_poll_at, id LIMIT :limit""")
        .param("now", utc(now)).param("limit", limit).query(UUID.class).list();
  }

  /** Takes the lease if nobody holds it (or theirs expired); false when another node has it. */
  boolean claim(UUID id, String owner, Instant now, Instant until) {
    return jdbc.sql("""
        UPDATE intake_mailbox SET lease_owner = :owner, lease_until = :until
        WHERE id = :id AND imap_enabled AND (lease_until IS NULL OR lease_until < :now)""")
        .param("owner", owner).param("until", utc(until)).param("id", id).param("now", utc(now)).update() == 1;
  }

  Optional<ImapAccount> account(UUID id) {
    return jdbc.sql("""
        SELECT id, address, imap_host, imap_port, imap_security, imap_username, imap_password_cipher, imap_folder,
          after_fetch, move_to_folder, poll_interval_seconds, uid_validity, last_uid, failures
        FROM intake_mailbox WHERE id = :id""").param("id", id)
        .query((rs, n) -> new ImapAccount(rs.getObject("id", UUID.class), rs.getString("address"),
            rs.getString("imap_host"), rs.getInt("imap_port"), Mailbox.Security.valueOf(rs.getString("imap_security")),
            rs.getString("imap_username"), rs.getString("imap_password_cipher"), rs.getString("imap_folder"),
            Mailbox.AfterFetch.valueOf(rs.getString("after_fetch")), rs.getString("move_to_folder"),
            rs.getInt("poll_interval_seconds"), rs.getObject("uid_validity", Long.class), rs.getLong("last_uid"),
            rs.getInt("failures")))
        .optional();
  }

  /** Records how far the folder is fetched and renews the lease; false when the lease was lost. */
  boolean advance(UUID id, String owner, long uidValidity, long lastUid, Instant leaseUntil) {
    return jdbc.sql("""
        UPDATE intake_mailbox SET uid_validity = :validity, last_uid = :uid, lease_until = :until
        WHERE id = :id AND lease_owner = :owner""")
        .param("validity", uidValidity).param("uid", lastUid).param("until", utc(leaseUntil)).param("id", id)
        .param("owner", owner).update() == 1;
  }

  /** Keeps a visible record of a message that was left on the server instead of logged. */
  void recordSkipped(UUID id, String owner, String note) {
    jdbc.sql("""
        UPDATE intake_mailbox SET skipped_messages = skipped_messages + 1, last_skipped = :note
        WHERE id = :id AND lease_owner = :owner""")
        .param("note", clip(note)).param("id", id).param("owner", owner).update();
  }

  /** Ends a poll: records its outcome, schedules the next and gives the lease back. */
  void finish(UUID id, String owner, Instant now, String error, int failures, Instant nextPoll) {
    jdbc.sql("""
        UPDATE intake_mailbox SET last_polled_at = :now, last_error = :error,
          last_error_at = CASE WHEN :failed THEN :now ELSE last_error_at END, failures = :failures,
          next_poll_at = :next, lease_owner = NULL, lease_until = NULL
        WHERE id = :id AND lease_owner = :owner""")
        .param("now", utc(now)).param("error", clip(error)).param("failed", error != null)
        .param("failures", failures).param("next", utc(nextPoll)).param("id", id).param("owner", owner).update();
  }

  /** Gives back every lease this node holds (on shutdown), so another node or a restart resumes at once. */
  void releaseAll(String owner) {
    jdbc.sql("UPDATE intake_mailbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = :owner")
        .param("owner", owner).update();
  }

  private static String clip(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
