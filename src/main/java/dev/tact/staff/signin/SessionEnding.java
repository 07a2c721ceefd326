package dev.tact.staff.signin;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.staff.AgentDeactivated;
import dev.tact.staff.AgentPasswordChanged;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends sessions when an agent may no longer use them: all of them when the agent is deactivated; all but the
 * session of the request that changed the password, when the agent changed it themself (an admin's reset ends all).
 * Runs after the change is committed, in the same thread, so the changing request is still known.
 */
@Component
class SessionEnding {

  private final SessionStore sessions;
  private final AuditLog audit;

  SessionEnding(SessionStore sessions, AuditLog audit) {
    this.sessions = sessions;
    this.audit = audit;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(AgentDeactivated event) {
    int ended = sessions.endAll(event.email(), null);
    if (ended > 0) {
      audit.recordAlone(AuditRecord.of("signin.sessions.ended", "agent", event.agentId(),
          "Ended " + dev.tact.shared.Wording.count(ended, "session", "sessions") + " of " + event.email() + ": the agent was deactivated"));
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(AgentPasswordChanged event) {
    String keep = ownSessionOf(event.email());
    int ended = sessions.endAll(event.email(), keep);
    if (ended > 0) {
      audit.recordAlone(AuditRecord.of("signin.sessions.ended", "agent", event.agentId(),
          "Ended " + dev.tact.shared.Wording.count(ended, "session", "sessions") + " of " + event.email() + ": the password changed"
              + (keep == null ? "" : " (the session that changed it stays)")));
    }
  }

  /** The current request's session when it belongs to this agent, else null. */
  private static String ownSessionOf(String email) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated() || email == null
        || !email.strip().toLowerCase(Locale.ROOT).equals(authentication.getName())) {
      return null;
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpSession session = attributes.getRequest().getSession(false);
      return session == null ? null : session.getId();
    }
    return null;
  }
}
