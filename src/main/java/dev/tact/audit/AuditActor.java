package dev.tact.audit;

/**
 * Who did it: an agent (by sign-in name), an integration's token, Tact itself (timers, the pipeline), or someone
 * not signed in (a failed sign-in names the account that was tried).
 */
public record AuditActor(Kind kind, String name) {

  public enum Kind { AGENT, TOKEN, SYSTEM, ANONYMOUS }

  public static final AuditActor SYSTEM = new AuditActor(Kind.SYSTEM, "Tact");

  public AuditActor {
    if (kind == null || name == null || name.isBlank()) {
      throw new IllegalArgumentException("an audit actor needs a kind and a name");
    }
  }

  public static AuditActor anonymous(String claimedName) {
    return new AuditActor(Kind.ANONYMOUS, claimedName == null || claimedName.isBlank() ? "unknown" : claimedName);
  }
}
