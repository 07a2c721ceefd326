package dev.tact.intake;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.intake.imap.ImapPoller;
import dev.tact.mail.StaffDomainsChanged;
import dev.tact.shared.secrets.SecretBox;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configured mailboxes: the support addresses Tact receives mail for, their IMAP settings
 * and polling state. Passwords go in encrypted and never come out.
 */
@Service
public class Mailboxes {

  private static final String COLUMNS = """
      id, name, address, team_id, imap_enabled, imap_host, imap_port, imap_security, imap_username,
      imap_password_cipher IS NOT NULL AS password_set, imap_folder, after_fetch, move_to_folder,
      poll_interval_seconds, uid_validity, last_uid, last_polled_at, last_error, last_error_at, skipped_messages,
      last_skipped, created_at, updated_at""";

  /** A mailbox's settings as the audit log keeps them: whether a password is set or changed, never the password. */
  private record Audited(String name, String address, UUID teamId, boolean imapEnabled, String imapHost,
      int imapPort, Mailbox.Security imapSecurity, String imapUsername, boolean passwordSet, boolean passwordChanged,
      String imapFolder, Mailbox.AfterFetch afterFetch, String moveToFolder, int pollIntervalSeconds) {

    static Audited of(Mailbox m, boolean passwordChanged) {
      return new Audited(m.name(), m.address(), m.teamId(), m.imapEnabled(), m.imapHost(), m.imapPort(),
          m.imapSecurity(), m.imapUsername(), m.passwordSet(), passwordChanged, m.imapFolder(), m.afterFetch(),
          m.moveToFolder(), m.pollIntervalSeconds());
    }
  }

  private final JdbcClient jdbc;
  private final SecretBox secrets;
  private final StaffDirectory staff;
  private final ImapPoller poller;
  private final Clock clock;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  Mailboxes(JdbcClient jdbc, SecretBox secrets, StaffDirectory staff, ImapPoller poller, Clock clock,
      AuditLog audit, ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.staff = staff;
    this.poller = poller;
    this.clock = clock;
    this.audit = audit;
  }

  /** Every mailbox, by address. */
  public List<Mailbox> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM intake_mailbox ORDER BY address").query(Mailboxes::row).list();
  }

  public Optional<Mailbox> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM intake_mailbox WHERE id = :id").param("id", id)
        .query(Mailboxes::row).optional();
  }

  /** @throws ProblemException 404 {@code mailbox-not-found} */
  public Mailbox require(UUID id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("mailbox", id));
  }

  /** The mailbox for a support address, compared without regard to case. */
  public Optional<Mailbox> findByAddress(String address) {
    if (address == null || address.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM intake_mailbox WHERE address = :address")
        .param("address", address.strip().toLowerCase(Locale.ROOT)).query(Mailboxes::row).optional();
  }

  /** The team new conversations from this mailbox go to; empty when it names none or does not exist. */
  public Optional<UUID> teamOf(UUID mailboxId) {
    if (mailboxId == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT team_id FROM intake_mailbox WHERE id = :id").param("id", mailboxId)
        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional().flatMap(t -> t);
  }

  /**
   * The address of the mailbox the conversation was opened through, which replies are sent from; empty
   * when it was opened some other way or that mailbox has been deleted.
   */
  public Optional<String> replyAddressOf(UUID conversationId) {
    return jdbc.sql("""
        SELECT m.address FROM intake_conversation_mailbox c JOIN intake_mailbox m ON m.id = c.mailbox_id
        WHERE c.conversation_id = :conversation""").param("conversation", conversationId)
        .query(String.class).optional();
  }

  /** Notes that mail to this mailbox opened the conversation (nothing when the mailbox is gone by now). */
  void openedThrough(UUID conversationId, UUID mailboxId) {
    jdbc.sql("""
        INSERT INTO intake_conversation_mailbox (conversation_id, mailbox_id, created_at)
        SELECT :conversation, m.id, :now FROM intake_mailbox m
        WHERE m.id = :mailbox
          AND NOT EXISTS (SELECT 1 FROM intake_conversation_mailbox c WHERE c.conversation_id = :conversation)""")
        .param("conversation", conversationId).param("mailbox", mailboxId).param("now", utc(clock.instant()))
        .update();
  }

  /** @throws ProblemException 422 {@code invalid-mailbox}, 409 {@code mailbox-exists} */
  @Transactional
  public Mailbox create(MailboxRequest request) {
    MailboxSettings s = MailboxSettings.check(request, false);
    checkTeam(s.teamId());
    checkAddressFree(s.address(), null);
    UUID id = Ids.newId();
    Instant now = clock.instant();
    String cipher = s.imapPassword() == null ? null : secrets.encrypt(s.imapPassword());
    insertOrConflict(s.address(), () -> jdbc.sql("""
        INSERT INTO intake_mailbox (id, name, address, team_id, imap_enabled, imap_host, imap_port, imap_security,
          imap_username, imap_password_cipher, imap_folder, after_fetch, move_to_folder, poll_interval_seconds,
          uid_validity, last_uid, failures, next_poll_at, skipped_messages, created_at, updated_at)
        VALUES (:id, :name, :address, :team, :enabled, :host, :port, :security, :username, :cipher, :folder,
          :afterFetch, :moveTo, :interval, NULL, 0, 0, :now, 0, :now, :now)""")
        .param("id", id).param("cipher", cipher).param("now", utc(now)).params(params(s)).update());
    Mailbox created = require(id);
    audit.record(AuditRecord.of("mailbox.created", "mailbox", id, "Added mailbox " + created.address()
        + (created.imapEnabled() ? " fetching from " + created.imapUsername() + "@" + created.imapHost() : ""))
        .change(null, Audited.of(created, cipher != null)));
    events.publishEvent(new StaffDomainsChanged("mailbox " + created.address() + " added"));
    return created;
  }

  /**
   * Replaces a mailbox's settings; a blank password keeps the stored one. Pointing it at another
   * server, account or folder starts fetching that one from its first message.
   */
  @Transactional
  public Mailbox update(UUID id, MailboxRequest request) {
    Mailbox current = require(id);
    MailboxSettings s = MailboxSettings.check(request, current.passwordSet());
    checkTeam(s.teamId());
    checkAddressFree(s.address(), id);
    boolean otherSource = !Objects.equals(current.imapHost(), s.imapHost()) || current.imapPort() != s.imapPort()
        || !Objects.equals(current.imapUsername(), s.imapUsername())
        || !Objects.equals(current.imapFolder(), s.imapFolder());
    String cipher = s.imapPassword() == null ? null : secrets.encrypt(s.imapPassword());
    insertOrConflict(s.address(), () -> jdbc.sql("""
        UPDATE intake_mailbox SET name = :name, address = :address, team_id = :team, imap_enabled = :enabled,
          imap_host = :host, imap_port = :port, imap_security = :security, imap_username = :username,
          imap_password_cipher = COALESCE(:cipher, imap_password_cipher), imap_folder = :folder,
          after_fetch = :afterFetch, move_to_folder = :moveTo, poll_interval_seconds = :interval,
          uid_validity = CASE WHEN :reset THEN NULL ELSE uid_validity END,
          last_uid = CASE WHEN :reset THEN 0 ELSE last_uid END,
          failures = 0, next_poll_at = :now, last_error = NULL, last_error_at = NULL, updated_at = :now
        WHERE id = :id""")
        .param("id", id).param("cipher", cipher).param("reset", otherSource).param("now", utc(clock.instant()))
        .params(params(s)).update());
    Mailbox updated = require(id);
    audit.record(AuditRecord.of("mailbox.updated", "mailbox", id, "Changed mailbox " + updated.address()
        + (cipher != null ? " (IMAP password changed)" : "")).change(Audited.of(current, false),
        Audited.of(updated, cipher != null)));
    events.publishEvent(new StaffDomainsChanged("mailbox " + updated.address() + " changed"));
    return updated;
  }

  /** @throws ProblemException 404 {@code mailbox-not-found} */
  @Transactional
  public void delete(UUID id) {
    Mailbox current = require(id);
    if (jdbc.sql("DELETE FROM intake_mailbox WHERE id = :id").param("id", id).update() == 0) {
      throw ProblemException.notFound("mailbox", id);
    }
    audit.record(AuditRecord.of("mailbox.deleted", "mailbox", id, "Deleted mailbox " + current.address())
        .change(Audited.of(current, false), null));
    events.publishEvent(new StaffDomainsChanged("mailbox " + current.address() + " deleted"));
  }

  /**
   * Polls the mailbox's IMAP folder now, on this node, and returns how many messages were
   * committed to the inbound log.
   *
   * @throws ProblemException 404 unknown, 409 {@code imap-disabled} or {@code mailbox-busy} (another poll runs),
   *     502 {@code imap-failed} when the server could not be read (also recorded as the mailbox's last error)
   */
  public int pollNow(UUID id) {
    Mailbox mailbox = require(id);
    if (!mailbox.imapEnabled()) {
      throw ProblemException.conflict("imap-disabled", "IMAP fetching is not enabled for " + mailbox.address() + ".");
    }
    return poller.pollNow(id);
  }

  private void checkTeam(UUID teamId) {
    if (teamId != null && staff.team(teamId).isEmpty()) {
      throw MailboxSettings.invalid("teamId " + teamId + " is not a team.");
    }
  }

  private void checkAddressFree(String address, UUID self) {
    findByAddress(address).filter(other -> !other.id().equals(self)).ifPresent(other -> {
      throw exists(address);
    });
  }

  private static void insertOrConflict(String address, Runnable write) {
    try {
      write.run();
    } catch (DuplicateKeyException e) {
      throw exists(address);
    }
  }

  private static ProblemException exists(String address) {
    return ProblemException.conflict("mailbox-exists", "A mailbox for " + address + " exists already.");
  }

  private static java.util.Map<String, Object> params(MailboxSettings s) {
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("name", s.name());
    p.put("address", s.address());
    p.put("team", s.teamId());
    p.put("enabled", s.imapEnabled());
    p.put("host", s.imapHost());
    p.put("port", s.imapPort());
    p.put("security", s.imapSecurity().name());
    p.put("username", s.imapUsername());
    p.put("folder", s.imapFolder());
    p.put("afterFetch", s.afterFetch().name());
    p.put("moveTo", s.moveToFolder());
    p.put("interval", s.pollIntervalSeconds());
    return p;
  }

  private static Mailbox row(ResultSet rs, int n) throws SQLException {
    return new Mailbox(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("address"),
        rs.getObject("team_id", UUID.class), rs.getBoolean("imap_enabled"), rs.getString("imap_host"),
        rs.getInt("imap_port"), Mailbox.Security.valueOf(rs.getString("imap_security")),
        rs.getString("imap_username"), rs.getBoolean("password_set"), rs.getString("imap_folder"),
        Mailbox.AfterFetch.valueOf(rs.getString("after_fetch")), rs.getString("move_to_folder"),
        rs.getInt("poll_interval_seconds"), rs.getObject("uid_validity", Long.class), rs.getLong("last_uid"),
        instant(rs, "last_polled_at"), rs.getString("last_error"), instant(rs, "last_error_at"),
        rs.getInt("skipped_messages"), rs.getString("last_skipped"), instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
