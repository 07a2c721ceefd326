package dev.tact.policy.ledger;

import dev.tact.policy.PolicyChannels;
import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.policy.AuditedDecision;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import dev.tact.shared.Channel;
import dev.tact.shared.InLists;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Writes every decision, with every vote as JSON text, and reads one back for the "why not?" view. */
@Component
public class DecisionAudit {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Vote>> VOTES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  DecisionAudit(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  private static final dev.tact.shared.MultiRowInsert INSERT = new dev.tact.shared.MultiRowInsert("""
      INSERT INTO policy_decision (id, contact_id, channel, purpose, subject, proposed_at, outcome, not_before,
        summary, votes, asked_by, decided_at)""", 12, "");

  /** Inserts the rows, many per statement; call inside the caller's transaction. */
  public void write(List<AuditedDecision> decisions) {
    // a batch's decisions mostly carry the same votes (a notice to many contacts): each distinct list written once
    java.util.Map<List<Vote>, String> written = new java.util.HashMap<>();
    List<Object[]> rows = new java.util.ArrayList<>(decisions.size());
    for (AuditedDecision a : decisions) {
      DecisionRequest r = a.request();
      rows.add(new Object[] {a.id(), r.contactId(), PolicyChannels.name(r.channel()), r.purpose().name(),
          r.subject(), utc(r.proposedAt()), a.decision().outcome().name(), utc(a.decision().notBefore()),
          a.decision().summary() == null ? "" : a.decision().summary(),
          written.computeIfAbsent(a.decision().votes(), JSON::writeValueAsString), a.askedBy(), utc(a.decidedAt())});
    }
    INSERT.insert(template, rows);
  }

  public Optional<AuditedDecision> find(UUID id) {
    return jdbc.sql("SELECT * FROM policy_decision WHERE id = :id").param("id", id)
        .query(DecisionAudit::row).optional();
  }

  /** The audited decisions with these ids, by id (unknown ids absent): a query per 1,000. */
  public java.util.Map<UUID, AuditedDecision> findAll(java.util.Collection<UUID> ids) {
    java.util.Map<UUID, AuditedDecision> found = new java.util.HashMap<>();
    InLists.forEachSlice(ids, slice -> jdbc.sql("SELECT * FROM policy_decision WHERE id IN (:ids)")
        .param("ids", slice).query(DecisionAudit::row).list().forEach(d -> found.put(d.id(), d)));
    return found;
  }

  private static AuditedDecision row(ResultSet rs, int n) throws SQLException {
    DecisionRequest request = new DecisionRequest(rs.getObject("contact_id", UUID.class),
        PolicyChannels.stored(rs.getString("channel")), Purpose.valueOf(rs.getString("purpose")),
        rs.getString("subject"), instant(rs, "proposed_at"));
    Decision decision = new Decision(Decision.Outcome.valueOf(rs.getString("outcome")), instant(rs, "not_before"),
        JSON.readValue(rs.getString("votes"), VOTES), rs.getString("summary"));
    return new AuditedDecision(rs.getObject("id", UUID.class), request, decision, rs.getString("asked_by"),
        instant(rs, "decided_at"));
  }
}
