package dev.tact.staff.signin;

import dev.tact.staff.AgentSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Agents' signed-in sessions in Spring Session's store, found by the name they signed in with (their email). A
 * session is shown by an id derived from its session id, never by the session id itself: that is the cookie value.
 */
@Component
public class SessionStore {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  SessionStore(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /** The agent's sessions, most recently active first; {@code currentSessionId} marks the asking request's own. */
  public List<AgentSession> of(String email, String currentSessionId) {
    return byEmail(email).values().stream()
        .filter(session -> !session.isExpired())
        .map(session -> describe(session, Objects.equals(session.getId(), currentSessionId)))
        .sorted(Comparator.comparing(AgentSession::lastActiveAt).reversed())
        .toList();
  }

  /** Ends every session of the agent except {@code keepSessionId} (which may be null); returns how many ended. */
  public int endAll(String email, String keepSessionId) {
    int ended = 0;
    for (String id : byEmail(email).keySet()) {
      if (!id.equals(keepSessionId)) {
        sessions.deleteById(id);
        ended++;
      }
    }
    return ended;
  }

  /** Ends one session of the agent, named by its {@link AgentSession#id}; false when the agent has no such session. */
  public boolean end(String email, String publicId) {
    for (String id : byEmail(email).keySet()) {
      if (publicId(id).equals(publicId)) {
        sessions.deleteById(id);
        return true;
      }
    }
    return false;
  }

  private Map<String, ? extends Session> byEmail(String email) {
    return sessions.findByPrincipalName(email.strip().toLowerCase(Locale.ROOT));
  }

  private static AgentSession describe(Session session, boolean current) {
    String userAgent = session.getAttribute(SessionFacts.USER_AGENT);
    Long at = session.getAttribute(SessionFacts.AT);
    String method = session.getAttribute(SessionFacts.METHOD);
    return new AgentSession(publicId(session.getId()), SessionFacts.device(userAgent), userAgent,
        session.getAttribute(SessionFacts.ADDRESS), at == null ? session.getCreationTime() : Instant.ofEpochMilli(at),
        session.getLastAccessedTime(), method == null ? "unknown" : method, current);
  }

  static String publicId(String sessionId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
