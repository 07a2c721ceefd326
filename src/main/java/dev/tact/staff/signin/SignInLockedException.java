package dev.tact.staff.signin;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * An attempt refused without looking at the password: too many failures for the account or the address. An account
 * status exception, so that no other authentication provider is asked instead.
 */
class SignInLockedException extends LockedException {

  private final transient Duration wait;

  SignInLockedException(Duration wait) {
    super(SignInThrottle.refusal(wait));
    this.wait = wait;
  }

  Duration waitTime() {
    return wait;
  }
}
