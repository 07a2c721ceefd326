package dev.tact.staff.signin;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * What happens after a first factor, a password or single sign-on: the agent is signed in, or sent to the second
 * step with an anonymous session; a failure goes back to the login page with a message that never says whether an
 * account exists.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler {

  static final String CODE_PAGE = "/login/two-factor";
  static final String ENROL_PAGE = "/login/two-factor/enrol";
  static final String WRONG_PASSWORD = "Wrong email or password. Please try again.";

  private final SignInCompletion completion;
  private final SignInSteps steps;
  private final StaffDirectory staff;
  private final AuditLog audit;
  private final OidcProperties oidc;
  private final Clock clock;
  private final SessionFlashMapManager flash = new SessionFlashMapManager();

  SignInHandlers(SignInCompletion completion, SignInSteps steps, StaffDirectory staff, AuditLog audit,
      OidcProperties oidc, Clock clock) {
    this.completion = completion;
    this.steps = steps;
    this.staff = staff;
    this.audit = audit;
    this.oidc = oidc;
    this.clock = clock;
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    if (authentication instanceof PasswordVerified verified) {
      completion.forget(request, response);
      pending(request, response, (String) verified.getPrincipal(), verified.step(), "password");
    } else if (authentication instanceof OAuth2AuthenticationToken token) {
      completion.forget(request, response); // the provider's token never stays: Tact's own takes its place
      String email = ((OidcUser) token.getPrincipal()).getEmail();
      String method = "single sign-on (" + oidc.displayName() + ")";
      Optional<Agent> agent = staff.findAgentByEmail(email).filter(Agent::active);
      SecondStep step = agent.map(steps::after).orElse(SecondStep.NONE);
      if (agent.isPresent() && step != SecondStep.NONE) {
        pending(request, response, agent.get().email(), step, method);
      } else {
        finish(request, response, email, method);
      }
    } else {
      finish(request, response, authentication.getName(), "password");
    }
  }

  private void pending(HttpServletRequest request, HttpServletResponse response, String email, SecondStep step,
      String method) throws IOException {
    PendingSignIn.start(request.getSession(true), email, step, method, clock.instant());
    response.sendRedirect(request.getContextPath() + (step == SecondStep.CODE ? CODE_PAGE : ENROL_PAGE));
  }

  private void finish(HttpServletRequest request, HttpServletResponse response, String email, String method)
      throws IOException {
    if (completion.complete(request, response, email, method).isEmpty()) {
      completion.forget(request, response);
      toLoginPage(request, response, "This account cannot sign in.");
      return;
    }
    response.sendRedirect(completion.landingPage(request, response));
  }

  /** A wrong password, or an attempt refused by the throttle. */
  AuthenticationFailureHandler passwordFailure() {
    return (request, response, exception) -> toLoginPage(request, response,
        exception instanceof SignInLockedException locked ? SignInThrottle.refusal(locked.waitTime()) : WRONG_PASSWORD);
  }

  /** Single sign-on refused by Tact (already recorded) or failed at the provider. */
  AuthenticationFailureHandler singleSignOnFailure() {
    return (request, response, exception) -> {
      if (exception instanceof OAuth2AuthenticationException oauth
          && AgentOidcUsers.REFUSED.equals(oauth.getError().getErrorCode())) {
        toLoginPage(request, response, oauth.getError().getDescription());
        return;
      }
      String reason = describe(exception);
      audit.recordAlone(AuditRecord.of("signin.failed", "agent", null, "Single sign-on failed: " + reason)
          .by(AuditActor.anonymous(null)));
      toLoginPage(request, response, "Sign-in with " + oidc.displayName() + " did not work (" + reason
          + "). Please try again.");
    };
  }

  private static String describe(AuthenticationException exception) {
    if (exception instanceof OAuth2AuthenticationException oauth) {
      String description = oauth.getError().getDescription();
      return description == null || description.isBlank() ? oauth.getError().getErrorCode() : description;
    }
    return exception.getMessage();
  }

  /** Back to the login page with a message, kept in the session for one request (Spring MVC's flash attributes). */
  void toLoginPage(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
    FlashMap map = new FlashMap();
    map.put("signinProblem", message);
    map.setTargetRequestPath(request.getContextPath() + "/login");
    flash.saveOutputFlashMap(map, request, response);
    response.sendRedirect(request.getContextPath() + "/login?error");
  }
}
