package dev.tact.staff.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in half done: the first factor was accepted and the second step is due. It lives in plain session
 * attributes while the session's security context stays anonymous, so no page or API treats the holder as signed in.
 * It lasts ten minutes.
 */
public record PendingSignIn(String email, SecondStep step, String method, Instant since) {

  static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final String EMAIL = "tact.signin.pending.email";
  private static final String STEP = "tact.signin.pending.step";
  private static final String METHOD = "tact.signin.pending.method";
  private static final String SINCE = "tact.signin.pending.since";

  static void start(HttpSession session, String email, SecondStep step, String method, Instant now) {
    session.setAttribute(EMAIL, email);
    session.setAttribute(STEP, step.name());
    session.setAttribute(METHOD, method);
    session.setAttribute(SINCE, now.toEpochMilli());
  }

  /** The pending sign-in of this request's session, unless there is none or it has expired (then it is removed). */
  public static Optional<PendingSignIn> of(HttpServletRequest request, Instant now) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(EMAIL) instanceof String email)
        || !(session.getAttribute(SINCE) instanceof Long since)) {
      return Optional.empty();
    }
    PendingSignIn pending = new PendingSignIn(email, SecondStep.valueOf((String) session.getAttribute(STEP)),
        (String) session.getAttribute(METHOD), Instant.ofEpochMilli(since));
    if (now.isAfter(pending.since().plus(LIFETIME))) {
      clear(session);
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  public static void clear(HttpSession session) {
    session.removeAttribute(EMAIL);
    session.removeAttribute(STEP);
    session.removeAttribute(METHOD);
    session.removeAttribute(SINCE);
  }
}
