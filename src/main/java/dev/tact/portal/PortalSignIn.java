package dev.tact.portal;

import java.time.Instant;

/** A session just opened by a sign-in link: the secret for the browser's cookie, and when it ends at the latest. */
public record PortalSignIn(String sessionToken, Instant expiresAt) {}
