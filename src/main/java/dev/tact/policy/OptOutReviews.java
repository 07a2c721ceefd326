package dev.tact.policy;

import dev.tact.shared.Channel;
import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Inbound messages flagged as possible opt-outs, waiting for an agent to confirm or dismiss them. */
@Service
public class OptOutReviews {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ConsentLedger ledger;
  private final AuditLog audit;

  OptOutReviews(JdbcClient jdbc, Clock clock, ConsentLedger ledger, AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ledger = ledger;
    this.audit = audit;
  }

  /** Flags a message once (a second flag for the same message is ignored). */
  @Transactional
  public void flag(UUID messageId, UUID conversationId, UUID contactId, Channel channel, String text,
      String phrase) {
    String excerpt = text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    jdbc.sql("""
        INSERT INTO policy_optout_review (id, message_id, conversation_id, contact_id, channel, excerpt, phrase,
          status, created_at)
        VALUES (:id, :message, :conversation, :contact, :channel, :excerpt, :phrase, 'OPEN', :at)
        ON CONFLICT DO NOTHING""")
        .param("id", Ids.newId()).param("message", messageId).param("conversation", conversationId)
        .param("contact", contactId).param("channel", PolicyChannels.name(channel))
        .param("excerpt", excerpt).param("phrase", phrase.length() <= 200 ? phrase : phrase.substring(0, 200))
        .param("at", utc(clock.instant())).update();
  }

  /** Reviews in this state, oldest first. */
  public List<OptOutReview> list(OptOutReview.Status status, int limit) {
    return jdbc.sql("SELECT * FROM policy_optout_review WHERE status = :status ORDER BY created_at, id LIMIT :limit")
        .param("status", status.name()).param("limit", limit).query(OptOutReviews::row).list();
  }

  /** The agent agrees it is an opt-out: it is recorded with the message as evidence. */
  @Transactional
  public OptOutReview confirm(UUID reviewId, String agent) {
    OptOutReview review = resolve(reviewId, OptOutReview.Status.CONFIRMED, agent);
    ledger.record(review.contactId(), ConsentRequest.optOut(review.channel(), "inbound message (confirmed by agent)",
        "message " + review.messageId() + ": " + review.excerpt()), agent);
    return review;
  }

  @Transactional
  public OptOutReview dismiss(UUID reviewId, String agent) {
    return resolve(reviewId, OptOutReview.Status.DISMISSED, agent);
  }

  private OptOutReview resolve(UUID reviewId, OptOutReview.Status status, String agent) {
    OptOutReview before = jdbc.sql("SELECT * FROM policy_optout_review WHERE id = :id").param("id", reviewId)
        .query(OptOutReviews::row).optional().orElse(null);
    int changed = jdbc.sql("""
        UPDATE policy_optout_review SET status = :status, resolved_by = :agent, resolved_at = :at
        WHERE id = :id AND status = 'OPEN'""")
        .param("status", status.name()).param("agent", agent).param("at", utc(clock.instant())).param("id", reviewId)
        .update();
    OptOutReview review = jdbc.sql("SELECT * FROM policy_optout_review WHERE id = :id").param("id", reviewId)
        .query(OptOutReviews::row).optional().orElseThrow(() -> ProblemException.notFound("review", reviewId));
    if (changed == 0) {
      throw ProblemException.conflict("review-resolved", "This review was already " + review.status() + ".");
    }
    boolean confirmed = status == OptOutReview.Status.CONFIRMED;
    audit.record(AuditRecord.of(confirmed ? "consent.review.confirmed" : "consent.review.dismissed", "optout-review",
        reviewId, (confirmed ? "Confirmed as an opt-out" : "Dismissed as no opt-out") + " by " + agent + ": \""
        + review.phrase() + "\" in message " + review.messageId() + " of contact " + review.contactId())
        .change(before, review));
    return review;
  }

  private static OptOutReview row(ResultSet rs, int n) throws SQLException {
    String channel = rs.getString("channel");
    return new OptOutReview(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
        rs.getObject("conversation_id", UUID.class), rs.getObject("contact_id", UUID.class),
        PolicyChannels.stored(channel), rs.getString("excerpt"), rs.getString("phrase"),
        OptOutReview.Status.valueOf(rs.getString("status")), instant(rs, "created_at"), rs.getString("resolved_by"),
        instant(rs, "resolved_at"));
  }
}
