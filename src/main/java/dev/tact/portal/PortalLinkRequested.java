package dev.tact.portal;

import java.time.Instant;

/**
 * Someone asked for a portal link to this email address or number. Published in the request's transaction and
 * handled after it: the page answers before anyone looks the address up, so that the answer, and the time it takes,
 * are the same for an address we know and one we do not. Carries no secret (the link is made by the listener).
 *
 * @param identityKind {@code EMAIL} or {@code PHONE}
 * @param identity the normalised address or number
 */
public record PortalLinkRequested(String identityKind, String identity, Instant requestedAt) {}
