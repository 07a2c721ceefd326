package dev.tact.audit;

/**
 * One thing to write into the audit log. {@code action} is a stable dotted name such as
 * {@code staff.agent.invited} or {@code signin.failed}; {@code before} and {@code after} are any values Jackson
 * writes (records, maps), or null. Never put secrets (passwords, token secrets) into them.
 *
 * <p>Who and from where are taken from the current request unless {@link #by} names someone.
 */
public record AuditRecord(String action, String targetType, String targetId, String summary, Object before,
    Object after, AuditActor actor) {

  public AuditRecord {
    if (action == null || action.isBlank() || action.length() > 100) {
      throw new IllegalArgumentException("an audit record needs an action of 1 to 100 characters");
    }
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("an audit record needs a summary in words");
    }
  }

  /** An action on a target, described for people in the summary. */
  public static AuditRecord of(String action, String targetType, Object targetId, String summary) {
    return new AuditRecord(action, targetType, targetId == null ? null : targetId.toString(), summary, null, null,
        null);
  }

  /** The same record with the state before and after the change. */
  public AuditRecord change(Object before, Object after) {
    return new AuditRecord(action, targetType, targetId, summary, before, after, actor);
  }

  /** The same record, done by this actor instead of whoever the current request belongs to. */
  public AuditRecord by(AuditActor who) {
    return new AuditRecord(action, targetType, targetId, summary, before, after, who);
  }
}
