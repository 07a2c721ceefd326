package dev.tact.delivery;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.policy.ContactPermit;
import dev.tact.policy.PolicyChannels;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.shared.InLists;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.SkipLockedClaim;
import dev.tact.timer.QueueBacklog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery tables. Only this class writes them. */
@Repository
class OutboxStore {

  private static final String ENTRY_COLUMNS = """
      id, idempotency_key, kind, sender, purpose, cause, conversation_id, message_id, contact_id, recipient, subject,
      header_message_id, decision_id, state, not_before, due_at, attempts, last_error, created_at, updated_at,
      sent_at""";

  /** What a new row holds besides its state. */
  record Draft(String idempotencyKey, OutboxKind kind, Purpose purpose, String cause, UUID conversationId,
      UUID messageId, UUID contactId, String recipient, String sender, String subject, String headerMessageId,
      byte[] content) {}

  /** A row a dispatcher holds under its lease; {@code attempt} counts this one. */
  record Claimed(UUID id, OutboxKind kind, String recipient, String recipientDomain, String sender,
      String headerMessageId, byte[] content, int attempt, String idempotencyKey, Instant createdAt,
      String providerMessageId, List<String> copies) {}

  /**
   * What one attempt came to, to be written back; {@code providerMessageId} is the id a {@link ChannelSender}'s
   * provider gave the message (null for other kinds).
   */
  record Result(Claimed row, OutboxState state, Instant dueAt, String error, String outcome, Integer replyCode,
      String providerMessageId) {

    Result(Claimed row, OutboxState state, Instant dueAt, String error, String outcome, Integer replyCode) {
      this(row, state, dueAt, error, outcome, replyCode, null);
    }
  }

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  OutboxStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  /**
   * Queues a sendable row: due at the permit's earliest instant (QUEUED when that is not later than
   * now, DEFERRED until it otherwise). Only a permit makes a row sendable. Answers false, writing
   * nothing, when the idempotency key is already taken.
   */
  boolean queue(UUID id, Draft draft, ContactPermit permit, Instant now) {
    return insert(sendable(id, draft, permit, now), now);
  }

  /** A sendable row as {@link #queue} writes it, for {@link #insertAll}. */
  static NewRow queued(UUID id, Draft draft, ContactPermit permit, Instant now) {
    return sendable(id, draft, permit, now);
  }

  private static NewRow sendable(UUID id, Draft draft, ContactPermit permit, Instant now) {
    Instant earliest = permit.earliest() == null || permit.earliest().isBefore(now) ? now : permit.earliest();
    OutboxState state = earliest.isAfter(now) ? OutboxState.DEFERRED : OutboxState.QUEUED;
    return new NewRow(id, draft, permit.decisionId(), state, state == OutboxState.DEFERRED ? earliest : null,
        earliest, null);
  }

  /**
   * Queues a mail to a member of staff (an invitation, a reset link): sendable now, without a contact policy
   * decision, because the {@link StaffMailPermit} proves it goes to an agent's own address. Answers false, writing
   * nothing, when the idempotency key is already taken.
   */
  boolean queueStaffMail(UUID id, Draft draft, StaffMailPermit permit, Instant now) {
    if (draft.contactId() != null || draft.purpose() != Purpose.TRANSACTIONAL
        || !permit.recipient().equals(draft.recipient())) {
      throw new IllegalArgumentException("a staff mail permit covers one transactional mail to its agent only");
    }
    return insert(new NewRow(id, draft, null, OutboxState.QUEUED, null, now, null), now);
  }

  /** Records a message that will not be sent (denied by the policy, or nowhere to send it), with the reason. */
  boolean insertUnsendable(UUID id, Draft draft, UUID decisionId, OutboxState state, String reason, Instant now) {
    return insert(unsendable(id, draft, decisionId, state, reason), now);
  }

  /** A row as {@link #insertUnsendable} writes it. */
  static NewRow unsendable(UUID id, Draft draft, UUID decisionId, OutboxState state, String reason) {
    if (!state.isFinal()) {
      throw new IllegalArgumentException("only a permit makes a row " + state);
    }
    return new NewRow(id, draft, decisionId, state, null, null, reason);
  }

  /**
   * A row to insert. Only {@link #queued} (with a permit) makes one sendable; {@link #unsendable} makes final ones.
   */
  static final class NewRow {
    private final UUID id;
    private final Draft draft;
    private final UUID decisionId;
    private final OutboxState state;
    private final Instant notBefore;
    private final Instant dueAt;
    private final String error;

    private NewRow(UUID id, Draft draft, UUID decisionId, OutboxState state, Instant notBefore, Instant dueAt,
        String error) {
      this.id = id;
      this.draft = draft;
      this.decisionId = decisionId;
      this.state = state;
      this.notBefore = notBefore;
      this.dueAt = dueAt;
      this.error = error;
    }

    UUID id() {
      return id;
    }

    Draft draft() {
      return draft;
    }
  }

  /**
   * Inserts many rows, {@value dev.tact.shared.MultiRowInsert#ROWS} per statement, each skipped when its idempotency
   * key is taken. Answers the ids of the rows not written: none when the statements wrote every row, else those of
   * these (fresh) ids that the table does not hold.
   */
  java.util.Set<UUID> insertAll(List<NewRow> rows, Instant now) {
    List<Object[]> values = new ArrayList<>(rows.size());
    for (NewRow r : rows) {
      Draft d = r.draft;
      values.add(new Object[] {r.id, d.idempotencyKey(), d.kind().name(), d.purpose().name(), d.cause(),
          d.conversationId(), d.messageId(), d.contactId(), d.recipient(), domainOf(d.recipient()), d.sender(),
          clip(d.subject(), 1000), d.headerMessageId(), d.content(), r.decisionId, r.state.name(),
          utc(r.notBefore), utc(r.dueAt), 0, clip(r.error, 2000), utc(now), utc(now)});
    }
    java.util.Set<UUID> notInserted = new java.util.HashSet<>();
    if (INSERT_ROWS.insert(named.getJdbcTemplate(), values) == rows.size()) {
      return notInserted;
    }
    java.util.Set<UUID> written = new java.util.HashSet<>();
    List<UUID> ids = rows.stream().map(NewRow::id).toList();
    InLists.forEachSlice(ids, slice -> written.addAll(jdbc.sql("SELECT id FROM delivery_outbox WHERE id IN (:ids)")
        .param("ids", slice).query(UUID.class).list()));
    ids.stream().filter(id -> !written.contains(id)).forEach(notInserted::add);
    return notInserted;
  }

  private static final dev.tact.shared.MultiRowInsert INSERT_ROWS = new dev.tact.shared.MultiRowInsert("""
      INSERT INTO delivery_outbox (id, idempotency_key, kind, purpose, cause, conversation_id, message_id,
        contact_id, recipient, recipient_domain, sender, subject, header_message_id, content, decision_id, state,
        not_before, due_at, attempts, last_error, created_at, updated_at)""", 22, "ON CONFLICT DO NOTHING");

  private static final String INSERT = """
      INSERT INTO delivery_outbox (id, idempotency_key, kind, purpose, cause, conversation_id, message_id,
        contact_id, recipient, recipient_domain, sender, subject, header_message_id, content, decision_id, state,
        not_before, due_at, attempts, last_error, created_at, updated_at)
      VALUES (:id, :key, :kind, :purpose, :cause, :conversation, :message, :contact, :recipient, :domain, :sender,
        :subject, :header, :content, :decision, :state, :notBefore, :due, 0, :error, :now, :now)
      ON CONFLICT DO NOTHING""";

  private boolean insert(NewRow row, Instant now) {
    return named.update(INSERT, params(row, now)) == 1;
  }

  private static SqlParameterSource params(NewRow r, Instant now) {
    Draft d = r.draft;
    return new MapSqlParameterSource()
        .addValue("id", r.id).addValue("key", d.idempotencyKey()).addValue("kind", d.kind().name())
        .addValue("purpose", d.purpose().name()).addValue("cause", d.cause()).addValue("conversation",
            d.conversationId())
        .addValue("message", d.messageId()).addValue("contact", d.contactId()).addValue("recipient", d.recipient())
        .addValue("domain", domainOf(d.recipient())).addValue("sender", d.sender())
        .addValue("subject", clip(d.subject(), 1000)).addValue("header", d.headerMessageId())
        .addValue("content", d.content()).addValue("decision", r.decisionId).addValue("state", r.state.name())
        .addValue("notBefore", utc(r.notBefore)).addValue("due", utc(r.dueAt))
        .addValue("error", clip(r.error, 2000)).addValue("now", utc(now));
  }

  Optional<OutboxEntry> find(UUID id) {
    return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM delivery_outbox WHERE id = :id").param("id", id)
        .query(OutboxStore::entry).optional();
  }

  Optional<OutboxEntry> findByKey(String key) {
    return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM delivery_outbox WHERE idempotency_key = :key")
        .param("key", key).query(OutboxStore::entry).optional();
  }

  Map<String, OutboxEntry> findByKeys(Collection<String> keys) {
    Map<String, OutboxEntry> result = new HashMap<>();
    InLists.forEachSlice(keys, slice ->
        jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM delivery_outbox WHERE idempotency_key IN (:keys)")
            .param("keys", slice).query(OutboxStore::entry).list().forEach(e -> result.put(e.idempotencyKey(), e)));
    return result;
  }

  Map<UUID, OutboxEntry> findAll(Collection<UUID> ids) {
    Map<UUID, OutboxEntry> result = new HashMap<>();
    InLists.forEachSlice(ids, slice -> jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM delivery_outbox WHERE id IN (:ids)")
        .param("ids", slice).query(OutboxStore::entry).list().forEach(e -> result.put(e.id(), e)));
    return result;
  }

  Optional<OutboxEntry> findByHeaderMessageId(String headerMessageId) {
    return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM delivery_outbox WHERE header_message_id = :header")
        .param("header", headerMessageId).query(OutboxStore::entry).optional();
  }

  /** The newest row of each of these conversation messages. */
  Map<UUID, OutboxEntry> ofMessages(Collection<UUID> messageIds) {
    Map<UUID, OutboxEntry> result = new HashMap<>();
    if (messageIds.isEmpty()) {
      return result;
    }
    jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM delivery_outbox WHERE message_id IN (:ids) ORDER BY created_at")
        .param("ids", List.copyOf(messageIds)).query(OutboxStore::entry).list()
        .forEach(e -> result.put(e.messageId(), e));
    return result;
  }

  PageResult<OutboxEntry> list(OutboxState state, PageRequest page) {
    String where = state == null ? "" : " WHERE state = :state";
    JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM delivery_outbox" + where);
    JdbcClient.StatementSpec items = jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM delivery_outbox" + where
        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
        .param("limit", page.size()).param("offset", (long) page.page() * page.size());
    if (state != null) {
      count = count.param("state", state.name());
      items = items.param("state", state.name());
    }
    return new PageResult<>(items.query(OutboxStore::entry).list(), page.page(), page.size(),
        count.query(Long.class).single());
  }

  /** Emails waiting (queued or deferred, they need a relay to leave) and replies that are UNDELIVERABLE. */
  record Waiting(long email, long undeliverable) {}

  /**
   * Rows due at {@code now} (queued, deferred until now, or sending under a lease that ran out) and the earliest
   * one's due time. The outbox parks nothing: a message it gives up on ends failed.
   */
  QueueBacklog backlog(Instant now) {
    return jdbc.sql("SELECT COUNT(*) AS waiting, MIN(due_at) AS oldest FROM delivery_outbox WHERE due_at <= :now")
        .param("now", utc(now))
        .query((rs, n) -> new QueueBacklog(rs.getLong("waiting"), Optional.ofNullable(instant(rs, "oldest")),
            java.util.OptionalLong.empty()))
        .single();
  }

  /** Both counts of {@link Waiting} in one query. */
  Waiting countWaiting() {
    return jdbc.sql("""
        SELECT COALESCE(SUM(CASE WHEN kind = 'EMAIL' AND state IN ('QUEUED', 'DEFERRED') THEN 1 ELSE 0 END), 0) AS email,
               COALESCE(SUM(CASE WHEN state = 'UNDELIVERABLE' THEN 1 ELSE 0 END), 0) AS undeliverable
          FROM delivery_outbox WHERE state IN ('QUEUED', 'DEFERRED', 'UNDELIVERABLE')""")
        .query((rs, n) -> new Waiting(rs.getLong("email"), rs.getLong("undeliverable"))).single();
  }

  /** Emails queued or deferred: they need a relay to leave. */
  long countWaitingEmail() {
    return jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE state IN ('QUEUED', 'DEFERRED') AND kind = 'EMAIL'")
        .query(Long.class).single();
  }

  /** Counts per state, for the admin page and the figures. */
  Map<OutboxState, Long> countByState() {
    Map<OutboxState, Long> counts = new java.util.EnumMap<>(OutboxState.class);
    jdbc.sql("SELECT state, COUNT(*) AS n FROM delivery_outbox GROUP BY state")
        .query(rs -> {
          counts.put(OutboxState.valueOf(rs.getString("state")), rs.getLong("n"));
        });
    return counts;
  }

  /**
   * Claims up to {@code limit} due rows no other node holds (earliest first; candidates read by the due index, then
   * locked by id: {@link SkipLockedClaim}), marks them SENDING under a lease for this node and counts the attempt.
   * Call in a transaction and commit before sending.
   */
  List<Claimed> claim(String node, Instant now, Instant leaseUntil, int limit) {
    return claim(node, now, leaseUntil, limit, true);
  }

  /**
   * The same; {@code email} false leaves email rows alone (no relay is configured: only webhook rows are claimed, so
   * that SMS and social replies never wait for an SMTP relay).
   */
  List<Claimed> claim(String node, Instant now, Instant leaseUntil, int limit, boolean email) {
    String due = "due_at <= :now" + (email ? "" : " AND kind <> 'EMAIL'");
    List<Claimed> rows = SkipLockedClaim.claim(limit, (candidates, offset) -> jdbc.sql(
            "SELECT id FROM delivery_outbox WHERE " + due + " ORDER BY due_at LIMIT :limit OFFSET :offset")
            .param("now", utc(now)).param("limit", candidates).param("offset", offset).query(UUID.class).list(),
        ids -> jdbc.sql("""
            SELECT id, kind, recipient, recipient_domain, sender, header_message_id, content, attempts, idempotency_key,
                   created_at, provider_message_id, copies
              FROM delivery_outbox
             WHERE id IN (:ids) AND""" + " " + due + " FOR UPDATE SKIP LOCKED")
            .param("ids", ids).param("now", utc(now))
            .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), OutboxKind.valueOf(rs.getString("kind")),
                rs.getString("recipient"), rs.getString("recipient_domain"), rs.getString("sender"),
                rs.getString("header_message_id"), rs.getBytes("content"), rs.getInt("attempts") + 1,
                rs.getString("idempotency_key"), instant(rs, "created_at"), rs.getString("provider_message_id"),
                copies(rs.getString("copies"))))
            .list(),
        Claimed::id);
    if (!rows.isEmpty()) {
      jdbc.sql("""
          UPDATE delivery_outbox SET state = 'SENDING', claimed_by = :node, lease_until = :lease, due_at = :lease,
            attempts = attempts + 1, updated_at = :now
          WHERE id IN (:ids)""")
          .param("node", node).param("lease", utc(leaseUntil)).param("now", utc(now))
          .param("ids", rows.stream().map(Claimed::id).toList()).update();
    }
    return rows;
  }

  /**
   * Writes what the attempts came to, each only while this node still holds the row's lease (a row
   * whose lease ran out belongs to whoever claimed it next). Answers how many rows were updated.
   */
  int record(String node, List<Result> results, Instant now) {
    if (results.isEmpty()) {
      return 0;
    }
    List<SqlParameterSource> updates = new ArrayList<>(results.size());
    List<SqlParameterSource> attempts = new ArrayList<>(results.size());
    for (Result r : results) {
      boolean paced = "PACED".equals(r.outcome());
      updates.add(new MapSqlParameterSource().addValue("id", r.row().id()).addValue("node", node)
          .addValue("state", r.state().name()).addValue("due", utc(r.dueAt())).addValue("error", clip(r.error(), 2000))
          .addValue("now", utc(now)).addValue("uncount", paced ? 1 : 0).addValue("provider", r.providerMessageId()));
      if (!paced) { // a row put back for pacing was not attempted
        attempts.add(new MapSqlParameterSource().addValue("id", Ids.newId()).addValue("outbox", r.row().id())
            .addValue("attempt", r.row().attempt()).addValue("node", node).addValue("outcome", r.outcome())
            .addValue("code", r.replyCode()).addValue("detail", clip(r.error(), 2000)).addValue("at", utc(now)));
      }
    }
    int[] updated = named.batchUpdate("""
        UPDATE delivery_outbox SET state = :state, due_at = :due, last_error = :error, updated_at = :now,
          sent_at = CASE WHEN :state = 'SENT' THEN :now ELSE sent_at END, lease_until = NULL, claimed_by = NULL,
          attempts = attempts - :uncount, provider_message_id = COALESCE(:provider, provider_message_id)
        WHERE id = :id AND claimed_by = :node AND state = 'SENDING'""", updates.toArray(SqlParameterSource[]::new));
    if (!attempts.isEmpty()) {
      named.batchUpdate("""
          INSERT INTO delivery_attempt (id, outbox_id, attempt, node, outcome, reply_code, detail, at)
          VALUES (:id, :outbox, :attempt, :node, :outcome, :code, :detail, :at)""",
          attempts.toArray(SqlParameterSource[]::new));
    }
    int total = 0;
    for (int n : updated) {
      total += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : n;
    }
    return total;
  }

  /**
   * Makes a final row sendable again with a fresh permit (an admin's retry): QUEUED, or DEFERRED
   * until the permit's earliest instant, its attempts counted from zero. False when it was in none
   * of {@code from}.
   */
  boolean requeue(UUID id, Collection<OutboxState> from, ContactPermit permit, Instant now) {
    Instant earliest = permit.earliest() == null || permit.earliest().isBefore(now) ? now : permit.earliest();
    OutboxState state = earliest.isAfter(now) ? OutboxState.DEFERRED : OutboxState.QUEUED;
    return jdbc.sql("""
        UPDATE delivery_outbox SET state = :state, due_at = :due, not_before = :notBefore, decision_id = :decision,
          attempts = 0, last_error = NULL, claimed_by = NULL, lease_until = NULL, updated_at = :now
        WHERE id = :id AND state IN (:from)""")
        .param("state", state.name()).param("due", utc(earliest))
        .param("notBefore", utc(state == OutboxState.DEFERRED ? earliest : null)).param("decision", permit.decisionId())
        .param("now", utc(now)).param("id", id).param("from", from.stream().map(Enum::name).toList()).update() == 1;
  }

  /**
   * Moves a row from one of {@code from} to a final state (no longer due); false when it was in
   * none of them. Making a row sendable takes a permit: {@link #queue} or {@link #requeue}.
   */
  boolean finish(UUID id, Collection<OutboxState> from, OutboxState to, String error, Instant now) {
    if (!to.isFinal()) {
      throw new IllegalArgumentException("only a permit makes a row " + to);
    }
    return jdbc.sql("""
        UPDATE delivery_outbox SET state = :to, due_at = NULL, last_error = :error, updated_at = :now,
          claimed_by = NULL, lease_until = NULL
        WHERE id = :id AND state IN (:from)""")
        .param("to", to.name()).param("error", clip(error, 2000)).param("now", utc(now)).param("id", id)
        .param("from", from.stream().map(Enum::name).toList()).update() == 1;
  }

  /**
   * What the provider later said of a message it took (a status callback): a failure makes a SENT row FAILED with
   * the reason; a delivery is only written to the attempt log. Answers false when no row has that provider id.
   */
  boolean providerStatus(String providerMessageId, boolean delivered, String detail, Instant now) {
    Optional<UUID> id = jdbc.sql("SELECT id FROM delivery_outbox WHERE provider_message_id = :provider")
        .param("provider", providerMessageId).query(UUID.class).optional();
    if (id.isEmpty()) {
      return false;
    }
    if (!delivered) {
      jdbc.sql("""
          UPDATE delivery_outbox SET state = 'FAILED', last_error = :error, updated_at = :now
          WHERE id = :id AND state = 'SENT'""")
          .param("error", clip(detail, 2000)).param("now", utc(now)).param("id", id.get()).update();
    }
    int attempt = jdbc.sql("SELECT attempts FROM delivery_outbox WHERE id = :id").param("id", id.get())
        .query(Integer.class).single();
    jdbc.sql("""
        INSERT INTO delivery_attempt (id, outbox_id, attempt, node, outcome, reply_code, detail, at)
        VALUES (:id, :outbox, :attempt, 'provider', :outcome, NULL, :detail, :at)""")
        .param("id", Ids.newId()).param("outbox", id.get()).param("attempt", attempt)
        .param("outcome", delivered ? "DELIVERED" : "UNDELIVERED").param("detail", clip(detail, 2000))
        .param("at", utc(now)).update();
    return true;
  }

  /** Counts a hard bounce for the address; answers the count so far. */
  /**
   * Discards the bytes of up to {@code limit} messages sent before {@code before}, oldest first, and returns how
   * many; their rows stay.
   */
  int discardSentContent(Instant before, int limit) {
    return jdbc.sql("""
        UPDATE delivery_outbox SET content = NULL
        WHERE id IN (SELECT id FROM delivery_outbox WHERE state = 'SENT' AND content IS NOT NULL AND sent_at < :before
                     ORDER BY sent_at LIMIT :limit)""")
        .param("before", utc(before)).param("limit", limit).update();
  }

  /** Whether the row still holds the bytes it sends (false once discarded after sending, or for no row). */
  boolean hasContent(UUID id) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE id = :id AND content IS NOT NULL").param("id", id)
        .query(Long.class).single() == 1;
  }

  int countHardBounce(String address, String reason, Instant now, int limit) {
    String normalised = address.strip().toLowerCase(java.util.Locale.ROOT);
    int updated = jdbc.sql("""
        UPDATE delivery_address SET hard_bounces = hard_bounces + 1, last_reason = :reason, last_bounce_at = :now,
          undeliverable_since = CASE WHEN undeliverable_since IS NULL AND hard_bounces + 1 >= :limit THEN :now
            ELSE undeliverable_since END
        WHERE address = :address""")
        .param("reason", clip(reason, 2000)).param("now", utc(now)).param("limit", limit)
        .param("address", normalised).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO delivery_address (address, hard_bounces, last_reason, last_bounce_at, undeliverable_since)
          VALUES (:address, 1, :reason, :now, :since)""")
          .param("address", normalised).param("reason", clip(reason, 2000)).param("now", utc(now))
          .param("since", limit <= 1 ? utc(now) : null).update();
    }
    return hardBounces(normalised);
  }

  int hardBounces(String address) {
    return jdbc.sql("SELECT hard_bounces FROM delivery_address WHERE address = :address")
        .param("address", address.strip().toLowerCase(java.util.Locale.ROOT)).query(Integer.class).optional()
        .orElse(0);
  }

  /** Which of these addresses are undeliverable, with the last reason. */
  Map<String, String> undeliverable(Collection<String> addresses) {
    Map<String, String> result = new HashMap<>();
    List<String> normalised = addresses.stream().filter(java.util.Objects::nonNull)
        .map(a -> a.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    if (normalised.isEmpty()) {
      return result;
    }
    jdbc.sql("""
        SELECT address, hard_bounces, last_reason FROM delivery_address
         WHERE address IN (:addresses) AND undeliverable_since IS NOT NULL""")
        .param("addresses", normalised)
        .query(rs -> {
          result.put(rs.getString("address"), rs.getInt("hard_bounces") + " hard bounces, the last: "
              + rs.getString("last_reason"));
        });
    return result;
  }

  /** Adds envelope recipients (a reply's CC and BCC) to a row that has not been sent yet. */
  void setCopies(UUID id, List<String> copies) {
    jdbc.sql("UPDATE delivery_outbox SET copies = :copies WHERE id = :id AND sent_at IS NULL")
        .param("copies", copies.isEmpty() ? null : String.join(",", copies)).param("id", id).update();
  }

  private static List<String> copies(String stored) {
    return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
  }

  static String domainOf(String address) {
    if (address == null || address.indexOf('@') < 0) {
      return null;
    }
    return address.substring(address.lastIndexOf('@') + 1).strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static OutboxEntry entry(ResultSet rs, int n) throws SQLException {
    OutboxState state = OutboxState.valueOf(rs.getString("state"));
    OutboxKind kind = OutboxKind.valueOf(rs.getString("kind"));
    return new OutboxEntry(rs.getObject("id", UUID.class), rs.getString("idempotency_key"), kind,
        kind == OutboxKind.EMAIL ? Channel.EMAIL : PolicyChannels.stored(rs.getString("sender")),
        Purpose.valueOf(rs.getString("purpose")), rs.getString("cause"),
        rs.getObject("conversation_id", UUID.class), rs.getObject("message_id", UUID.class),
        rs.getObject("contact_id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
        rs.getString("header_message_id"), rs.getObject("decision_id", UUID.class), state, instant(rs, "not_before"),
        state.isFinal() ? null : instant(rs, "due_at"), rs.getInt("attempts"), rs.getString("last_error"),
        instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "sent_at"), null);
  }
}
