package dev.tact.staff;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ProblemException;
import dev.tact.staff.signin.SessionStore;
import dev.tact.staff.signin.SignInPolicy;
import dev.tact.staff.signin.TwoFactor;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What admins see and do about agents' sign-in: sessions, two factors, and whether two factors are required. */
@Service
public class SignInAdministration {

  private final StaffDirectory staff;
  private final SessionStore sessions;
  private final TwoFactor twoFactor;
  private final SignInPolicy policy;
  private final AuditLog audit;

  SignInAdministration(StaffDirectory staff, SessionStore sessions, TwoFactor twoFactor, SignInPolicy policy,
      AuditLog audit) {
    this.staff = staff;
    this.sessions = sessions;
    this.twoFactor = twoFactor;
    this.policy = policy;
    this.audit = audit;
  }

  /** The agent's signed-in sessions, most recently active first. */
  public List<AgentSession> sessions(UUID agentId) {
    return sessions.of(staff.requireAgent(agentId).email(), null);
  }

  /** Ends every session of the agent; returns how many there were. */
  public int endSessions(UUID agentId) {
    Agent agent = staff.requireAgent(agentId);
    int ended = sessions.endAll(agent.email(), null);
    audit.recordAlone(AuditRecord.of("signin.sessions.ended", "agent", agentId,
        (ended == 1 ? "Ended the one session of " : "Ended all " + dev.tact.shared.Wording.count(ended, "session", "sessions") + " of ") + agent.email()));
    return ended;
  }

  /** Ends one session of the agent, by {@link AgentSession#id()}. */
  public void endSession(UUID agentId, String sessionId) {
    Agent agent = staff.requireAgent(agentId);
    if (!sessions.end(agent.email(), sessionId)) {
      throw ProblemException.notFound("session", sessionId);
    }
    audit.recordAlone(AuditRecord.of("signin.session.ended", "agent", agentId,
        "Ended a session of " + agent.email()));
  }

  public TwoFactorStatus twoFactor(UUID agentId) {
    return twoFactor.status(staff.requireAgent(agentId).id());
  }

  /** Removes the agent's authenticator and recovery codes (a lost phone); returns whether they had one. */
  public boolean resetTwoFactor(UUID agentId) {
    return twoFactor.reset(staff.requireAgent(agentId));
  }

  public boolean requiresTwoFactor() {
    return policy.requiresTwoFactor();
  }

  public void requireTwoFactor(boolean required) {
    policy.requireTwoFactor(required);
  }
}
