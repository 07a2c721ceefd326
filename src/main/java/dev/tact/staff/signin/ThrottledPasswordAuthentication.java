package dev.tact.staff.signin;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Email and password, throttled per account and per client address, every failure and refusal in the audit log.
 * A right password for an agent with a second step due gives a {@link PasswordVerified}, not a sign-in. Not a bean:
 * only the agent UI's filter chain uses it (an AuthenticationProvider bean would also become Spring Security's
 * global one).
 */
class ThrottledPasswordAuthentication implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final SignInThrottle throttle;
  private final SignInSteps steps;
  private final StaffDirectory staff;
  private final AuditLog audit;
  private final LockedRefusals refusals;

  ThrottledPasswordAuthentication(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
      SignInSteps steps, StaffDirectory staff, AuditLog audit, LockedRefusals refusals) {
    this.passwords = new DaoAuthenticationProvider(users);
    this.passwords.setPasswordEncoder(encoder);
    // a deactivated account is reported only after its password was checked: the same work, and the same time,
    // as any other wrong attempt
    this.passwords.setPreAuthenticationChecks(user -> { });
    this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    this.throttle = throttle;
    this.steps = steps;
    this.staff = staff;
    this.audit = audit;
    this.refusals = refusals;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String email = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
    String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    SignInThrottle.Attempt buckets = SignInThrottle.password(email, address);
    Optional<Duration> wait = throttle.take(buckets);
    if (wait.isPresent()) {
      refusals.refused("password:" + email + ":" + address, email, email, "Sign-in refused without checking the "
          + "password: too many failed attempts (try again in " + SignInThrottle.describe(wait.get()) + ")");
      throw new SignInLockedException(wait.get());
    }
    Authentication verified;
    try {
      verified = passwords.authenticate(attempt);
    } catch (AuthenticationException e) {
      audit.recordAlone(AuditRecord.of("signin.failed", "agent", email,
          e instanceof DisabledException ? "Sign-in failed: the account is deactivated"
              : "Sign-in failed: wrong email or password").by(AuditActor.anonymous(email)));
      throw e;
    }
    throttle.giveBack(buckets);
    Agent agent = staff.findAgentByEmail(email).orElseThrow();
    SecondStep step = steps.after(agent);
    return step == SecondStep.NONE ? verified : new PasswordVerified(agent.email(), step);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
