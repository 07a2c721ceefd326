package dev.tact.noise;

import java.time.Duration;
import java.util.UUID;

/**
 * Mail-bomb limits of one team (teamId null: the defaults, for messages no team receives and teams
 * without limits of their own): at most {@code perSender} new conversations from one sender and
 * {@code perDomain} from one domain within {@code window}.
 */
public record RateLimits(UUID teamId, int perSender, int perDomain, Duration window) {}
