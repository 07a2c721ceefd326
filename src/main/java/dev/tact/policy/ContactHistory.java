package dev.tact.policy;

import dev.tact.shared.Channel;
import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.shared.Ids;
import dev.tact.shared.InLists;
import dev.tact.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact-history ledger: every outbound contact made or scheduled, whatever sent it (an
 * agent's call, a campaign, a notice). Frequency caps count from it across agents and teams.
 */
@Service
public class ContactHistory {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final ContactManagement contacts;
  private final java.time.Clock clock;

  ContactHistory(JdbcClient jdbc, JdbcTemplate template, ContactManagement contacts, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.template = template;
    this.contacts = contacts;
    this.clock = clock;
  }

  /**
   * Records the contact a permit allows, at its earliest permitted instant: there is no way to
   * record a contact the policy was not asked about, or denied.
   */
  @Transactional
  public RecordedAttempt record(ContactPermit permit, String actor) {
    DecisionRequest request = permit.request();
    ContactAttempt attempt = new ContactAttempt(request.channel(), request.purpose(), request.subject(),
        permit.earliest());
    UUID contactId = request.contactId();
    UUID decisionId = permit.decisionId();
    if (attempt.subject() != null && attempt.subject().length() > ConsentLedger.MAX_TEXT) {
      throw ProblemException.invalid("invalid-subject", "subject has at most " + ConsentLedger.MAX_TEXT + " characters.");
    }
    UUID contact = contacts.require(contactId).id();
    UUID id = Ids.newId();
    jdbc.sql("""
        INSERT INTO policy_attempt (id, contact_id, channel, purpose, subject, attempted_at, decision_id, actor)
        VALUES (:id, :contact, :channel, :purpose, :subject, :at, :decision, :actor)""")
        .param("id", id).param("contact", contact).param("channel", PolicyChannels.name(attempt.channel()))
        .param("purpose", attempt.purpose().name()).param("subject", attempt.subject())
        .param("at", utc(attempt.at())).param("decision", decisionId).param("actor", actor).update();
    return new RecordedAttempt(id, contact, attempt, decisionId, actor, null);
  }

  private static final dev.tact.shared.MultiRowInsert ATTEMPTS = new dev.tact.shared.MultiRowInsert(
      "INSERT INTO policy_attempt (id, contact_id, channel, purpose, subject, attempted_at, decision_id, actor)", 8, "");

  /**
   * Records the contacts many permits allow, as {@link #record} does each, many rows per statement: for a campaign's
   * or an incident's notices. An unknown contact is a 404 and an over-long subject a 422; the caller's transaction
   * then rolls back whatever was written.
   */
  @Transactional
  public void recordAll(List<ContactPermit> permits, String actor) {
    if (permits.isEmpty()) {
      return;
    }
    Map<UUID, Contact> found = contacts.findAll(permits.stream().map(p -> p.request().contactId()).toList());
    List<Object[]> rows = new ArrayList<>(permits.size());
    for (ContactPermit permit : permits) {
      DecisionRequest request = permit.request();
      if (request.subject() != null && request.subject().length() > ConsentLedger.MAX_TEXT) {
        throw ProblemException.invalid("invalid-subject", "subject has at most " + ConsentLedger.MAX_TEXT
            + " characters.");
      }
      Contact contact = found.get(request.contactId());
      if (contact == null) {
        throw ProblemException.notFound("contact", request.contactId());
      }
      rows.add(new Object[] {Ids.newId(), contact.id(), request.channel().name(), request.purpose().name(),
          request.subject(), utc(permit.earliest()), permit.decisionId(), actor});
    }
    ATTEMPTS.insert(template, rows);
  }

  /**
   * Adds a contact made outside Tact (a call from a desk phone, a text from a campaign tool), so that the caps count
   * it. It happened already: {@code at} may not be in the future (nor before 1990), so this cannot schedule a
   * contact the policy was not asked about. Channel and purpose are required; a 422 otherwise, nothing written.
   *
   * @param source where it was made ("desk phone", "Mailchimp"), required
   */
  @Transactional
  public RecordedAttempt addMadeElsewhere(UUID contactId, ContactAttempt attempt, String source, String reportedBy) {
    if (attempt == null || attempt.channel() == null) {
      throw ProblemException.invalid("missing-channel", "channel is required.");
    }
    if (attempt.purpose() == null) {
      throw ProblemException.invalid("missing-purpose", "purpose is required: transactional or marketing.");
    }
    if (attempt.at() == null) {
      throw ProblemException.invalid("missing-at", "at is required: when the contact was made.");
    }
    GivenTimes.check("at", attempt.at(), clock.instant());
    if (source == null || source.isBlank() || source.length() > 200) {
      throw ProblemException.invalid("invalid-source",
          "source is required (at most 200 characters): where the contact was made.");
    }
    String subject = attempt.subject() == null || attempt.subject().isBlank() ? null : attempt.subject().strip();
    if (subject != null && subject.length() > ConsentLedger.MAX_TEXT) {
      throw ProblemException.invalid("invalid-subject", "subject has at most " + ConsentLedger.MAX_TEXT + " characters.");
    }
    UUID contact = contacts.require(contactId).id();
    UUID id = Ids.newId();
    jdbc.sql("""
        INSERT INTO policy_attempt (id, contact_id, channel, purpose, subject, attempted_at, decision_id, actor, source)
        VALUES (:id, :contact, :channel, :purpose, :subject, :at, NULL, :actor, :source)""")
        .param("id", id).param("contact", contact).param("channel", PolicyChannels.name(attempt.channel()))
        .param("purpose", attempt.purpose().name()).param("subject", subject).param("at", utc(attempt.at()))
        .param("actor", reportedBy).param("source", source.strip()).update();
    return new RecordedAttempt(id, contact, new ContactAttempt(attempt.channel(), attempt.purpose(), subject,
        attempt.at()), null, reportedBy, source.strip());
  }

  /** The contact's attempts, newest first. */
  public List<RecordedAttempt> of(UUID contactId) {
    UUID contact = contacts.require(contactId).id();
    return jdbc.sql("SELECT * FROM policy_attempt WHERE contact_id = :contact ORDER BY attempted_at DESC, id DESC")
        .param("contact", contact).query(ContactHistory::row).list();
  }

  /** The attempts of many contacts (ids as stored), oldest first, a query per 1,000: for campaigns. */
  public Map<UUID, List<ContactAttempt>> attemptsOf(Collection<UUID> contactIds) {
    Map<UUID, List<ContactAttempt>> result = new HashMap<>();
    InLists.forEachSlice(contactIds, ids ->
        jdbc.sql("SELECT * FROM policy_attempt WHERE contact_id IN (:ids) ORDER BY attempted_at, id")
            .param("ids", ids)
            .query(rs -> {
              RecordedAttempt r = row(rs, 0);
              result.computeIfAbsent(r.contactId(), k -> new ArrayList<>()).add(r.attempt());
            }));
    return result;
  }

  private static RecordedAttempt row(ResultSet rs, int n) throws SQLException {
    return new RecordedAttempt(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
        new ContactAttempt(PolicyChannels.stored(rs.getString("channel")), Purpose.valueOf(rs.getString("purpose")),
            rs.getString("subject"), instant(rs, "attempted_at")),
        rs.getObject("decision_id", UUID.class), rs.getString("actor"), rs.getString("source"));
  }
}
