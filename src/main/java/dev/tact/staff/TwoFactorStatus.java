package dev.tact.staff;

import java.time.Instant;

/**
 * An agent's two-factor sign-in: {@code enabled} once a first code confirmed their authenticator app (since
 * {@code enabledAt}); {@code setupStarted} while a secret waits for that first code.
 */
public record TwoFactorStatus(boolean enabled, Instant enabledAt, int recoveryCodesLeft, boolean setupStarted) {

  public static final TwoFactorStatus OFF = new TwoFactorStatus(false, null, 0, false);
}
