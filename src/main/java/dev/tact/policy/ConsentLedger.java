package dev.tact.policy;

import dev.tact.shared.Channel;
import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.contact.ContactManagement;
import dev.tact.shared.Ids;
import dev.tact.shared.InLists;
import dev.tact.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each contact's consent ledger: express and implied consent (with expiry) and opt-outs, with
 * source, evidence, who and when. An opt-out is written at once and never removed: it holds
 * company-wide, on the channels it names, and follows the contact through merges.
 */
@Service
public class ConsentLedger {

  static final int MAX_TEXT = 300;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ContactManagement contacts;
  private final AuditLog audit;

  ConsentLedger(JdbcClient jdbc, Clock clock, ContactManagement contacts, AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.contacts = contacts;
    this.audit = audit;
  }

  /**
   * Writes one line into the ledger of the contact (a merged-away id writes to the contact it was
   * merged into). Unknown contact: 404; an inconsistent request: 422; nothing is written then.
   */
  @Transactional
  public ConsentRecord record(UUID contactId, ConsentRequest request, String recordedBy) {
    validate(request);
    Instant now = clock.instant();
    Instant given = GivenTimes.check("givenAt", request.givenAt(), now);
    UUID contact = contacts.require(contactId).id();
    UUID id = Ids.newId();
    jdbc.sql("""
        INSERT INTO policy_consent (id, contact_id, kind, channel, purpose, subject, source, evidence, recorded_by,
          recorded_at, expires_at, given_at)
        VALUES (:id, :contact, :kind, :channel, :purpose, :subject, :source, :evidence, :by, :at, :expires, :given)""")
        .param("id", id).param("contact", contact).param("kind", request.kind().name())
        .param("channel", PolicyChannels.name(request.channel()))
        .param("purpose", request.purpose().name()).param("subject", blankToNull(request.subject()))
        .param("source", request.source().strip()).param("evidence", request.evidence())
        .param("by", recordedBy).param("at", utc(now)).param("expires", utc(request.expiresAt()))
        .param("given", utc(given)).update();
    ConsentRecord recorded = new ConsentRecord(id, contact, new ConsentEntry(request.kind(), request.channel(),
        request.purpose(), blankToNull(request.subject()), request.source().strip(), request.evidence(), now,
        request.expiresAt(), given), recordedBy);
    audit.record(audited(recorded));
    return recorded;
  }

  /** An opt-out or a grant as the audit log keeps it: in words, and the line with its evidence shortened. */
  private static AuditRecord audited(ConsentRecord recorded) {
    ConsentEntry e = recorded.entry();
    boolean optOut = e.kind() == ConsentEntry.Kind.OPT_OUT;
    String what = (optOut ? "Opt-out from " : e.kind().name().toLowerCase(Locale.ROOT) + " consent to ")
        + e.purpose().name().toLowerCase(Locale.ROOT) + " by " + (e.channel() == null ? "every channel"
        : PolicyChannels.name(e.channel()).toLowerCase(Locale.ROOT)) + (e.subject() == null ? "" : " about " + e.subject())
        + (e.expiresAt() == null ? "" : " until " + e.expiresAt());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("kind", e.kind());
    after.put("channel", PolicyChannels.name(e.channel()));
    after.put("purpose", e.purpose());
    after.put("subject", e.subject());
    after.put("source", e.source());
    after.put("evidence", e.evidence() == null || e.evidence().length() <= 500 ? e.evidence()
        : e.evidence().substring(0, 499) + "…");
    after.put("expiresAt", e.expiresAt());
    after.put("recordedBy", recorded.recordedBy());
    return AuditRecord.of(optOut ? "consent.opted-out" : "consent.granted", "contact", recorded.contactId(),
        what + " recorded by " + recorded.recordedBy() + " (source: " + e.source() + ")").change(null, after);
  }

  /** The contact's ledger, oldest first (in the order lines were recorded). */
  public List<ConsentRecord> ledgerOf(UUID contactId) {
    UUID contact = contacts.require(contactId).id();
    return jdbc.sql("SELECT * FROM policy_consent WHERE contact_id = :contact ORDER BY recorded_at, id")
        .param("contact", contact).query(ConsentLedger::row).list();
  }

  /** The ledgers of many contacts (ids as stored, no merge lookup), a query per 1,000: for campaigns. */
  public Map<UUID, List<ConsentEntry>> entriesOf(Collection<UUID> contactIds) {
    Map<UUID, List<ConsentEntry>> result = new HashMap<>();
    InLists.forEachSlice(contactIds, ids ->
        jdbc.sql("SELECT * FROM policy_consent WHERE contact_id IN (:ids) ORDER BY recorded_at, id")
            .param("ids", ids)
            .query(rs -> {
              ConsentRecord r = row(rs, 0);
              result.computeIfAbsent(r.contactId(), k -> new ArrayList<>()).add(r.entry());
            }));
    return result;
  }

  private static void validate(ConsentRequest r) {
    if (r == null || r.kind() == null) {
      throw ProblemException.invalid("missing-kind", "kind is required: EXPRESS, IMPLIED or OPT_OUT.");
    }
    if (r.purpose() == null) {
      throw ProblemException.invalid("missing-purpose", "purpose is required: TRANSACTIONAL or MARKETING.");
    }
    if (r.source() == null || r.source().isBlank() || r.source().length() > 200) {
      throw ProblemException.invalid("invalid-source", "source is required (at most 200 characters): "
          + "where the consent or opt-out came from.");
    }
    if (r.subject() != null && r.subject().length() > MAX_TEXT) {
      throw ProblemException.invalid("invalid-subject", "subject has at most " + MAX_TEXT + " characters.");
    }
    if (r.evidence() != null && r.evidence().length() > 100_000) {
      throw ProblemException.invalid("invalid-evidence", "evidence has at most 100000 characters.");
    }
    if (r.kind() == ConsentEntry.Kind.IMPLIED && r.expiresAt() == null) {
      throw ProblemException.invalid("missing-expiry", "Implied consent expires: give expiresAt.");
    }
    if (r.kind() != ConsentEntry.Kind.IMPLIED && r.expiresAt() != null) {
      throw ProblemException.invalid("unexpected-expiry",
          r.kind() + " does not expire: leave expiresAt out (withdrawal is an opt-out).");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static ConsentRecord row(ResultSet rs, int n) throws SQLException {
    String channel = rs.getString("channel");
    ConsentEntry entry = new ConsentEntry(ConsentEntry.Kind.valueOf(rs.getString("kind")),
        PolicyChannels.stored(channel), Purpose.valueOf(rs.getString("purpose")),
        rs.getString("subject"), rs.getString("source"), rs.getString("evidence"), instant(rs, "recorded_at"),
        instant(rs, "expires_at"), instant(rs, "given_at"));
    return new ConsentRecord(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class), entry,
        rs.getString("recorded_by"));
  }
}
