package dev.tact.policy;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.contact.ContactManagement;
import dev.tact.shared.Ids;
import dev.tact.shared.InLists;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each contact's business relationships: purchases and inquiries with when they happened, from which the
 * do-not-call registers' exemptions (R3, R17) and the emergency rule's (R15) count. They follow a contact through
 * merges.
 */
@Service
public class BusinessRelationships {

  /** One stored relationship, with who recorded it and when. */
  public record Recorded(UUID id, UUID contactId, BusinessRelationship relationship, String evidence,
      String recordedBy, Instant recordedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ContactManagement contacts;

  BusinessRelationships(JdbcClient jdbc, Clock clock, ContactManagement contacts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.contacts = contacts;
  }

  /** Records a purchase or inquiry; its time may not be in the future nor before 1990 (422, nothing written). */
  @Transactional
  public Recorded record(UUID contactId, BusinessRelationship.Kind kind, Instant at, String source, String evidence,
      String recordedBy) {
    if (kind == null) {
      throw ProblemException.invalid("missing-kind", "kind is required: purchase or inquiry.");
    }
    if (at == null) {
      throw ProblemException.invalid("missing-at", "at is required: when the purchase or inquiry happened.");
    }
    Instant now = clock.instant();
    GivenTimes.check("at", at, now);
    if (source == null || source.isBlank() || source.length() > 200) {
      throw ProblemException.invalid("invalid-source", "source is required (at most 200 characters): an order, "
          + "a form, a call.");
    }
    if (evidence != null && evidence.length() > 2000) {
      throw ProblemException.invalid("invalid-evidence", "evidence has at most 2000 characters.");
    }
    UUID contact = contacts.require(contactId).id();
    UUID id = Ids.newId();
    jdbc.sql("""
        INSERT INTO policy_relationship (id, contact_id, kind, occurred_at, source, evidence, recorded_by, recorded_at)
        VALUES (:id, :contact, :kind, :at, :source, :evidence, :by, :now)""")
        .param("id", id).param("contact", contact).param("kind", kind.name()).param("at", utc(at))
        .param("source", source.strip()).param("evidence", evidence).param("by", recordedBy).param("now", utc(now))
        .update();
    return new Recorded(id, contact, new BusinessRelationship(kind, at, source.strip()), evidence, recordedBy, now);
  }

  /** The contact's relationships, newest first. */
  public List<Recorded> of(UUID contactId) {
    UUID contact = contacts.require(contactId).id();
    return jdbc.sql("SELECT * FROM policy_relationship WHERE contact_id = :c ORDER BY occurred_at DESC, id DESC")
        .param("c", contact).query(BusinessRelationships::row).list();
  }

  /** The relationships of many contacts (ids as stored), a query per 1,000: for campaigns. */
  public Map<UUID, List<BusinessRelationship>> ofAll(Collection<UUID> contactIds) {
    Map<UUID, List<BusinessRelationship>> result = new HashMap<>();
    InLists.forEachSlice(contactIds, ids ->
        jdbc.sql("SELECT * FROM policy_relationship WHERE contact_id IN (:ids)")
            .param("ids", ids)
            .query(rs -> {
              Recorded r = row(rs, 0);
              result.computeIfAbsent(r.contactId(), k -> new ArrayList<>()).add(r.relationship());
            }));
    return result;
  }

  private static Recorded row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Recorded(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
        new BusinessRelationship(BusinessRelationship.Kind.valueOf(rs.getString("kind")), instant(rs, "occurred_at"),
            rs.getString("source")), rs.getString("evidence"), rs.getString("recorded_by"), instant(rs, "recorded_at"));
  }
}
