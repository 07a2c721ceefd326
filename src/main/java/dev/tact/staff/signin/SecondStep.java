package dev.tact.staff.signin;

/** What an agent must still do after their password (or single sign-on) was accepted. */
public enum SecondStep {
  /** Nothing: they are signed in. */
  NONE,
  /** Enter a code from their authenticator app, or a recovery code. */
  CODE,
  /** Set up an authenticator app first: two factors are required and they have none. */
  ENROL
}
