package dev.tact.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer portal's settings ({@code tact.portal.*}).
 *
 * @param baseUrl the address customers open Tact at, written into sign-in links; empty: {@code tact.staff.base-url},
 *     else http://localhost and this node's port
 * @param linkValidity how long a sign-in link works (once)
 * @param sessionIdle how long a portal session lasts without a request
 * @param sessionLifetime how long a portal session lasts at most
 * @param linksPerAddressBurst how many links one email address or number may be sent at once
 * @param linksPerAddressPerMinute and how many more a minute after that
 * @param requestsPerClientBurst how many link requests (and link openings) one client address may make at once
 * @param requestsPerClientPerMinute and how many more a minute after that
 * @param repliesPerMinute how many replies one signed-in customer may send a minute (as many at once)
 */
@ConfigurationProperties("tact.portal")
public record PortalProperties(@DefaultValue("") String baseUrl, @DefaultValue("30m") Duration linkValidity,
    @DefaultValue("30m") Duration sessionIdle, @DefaultValue("12h") Duration sessionLifetime,
    @DefaultValue("3") int linksPerAddressBurst, @DefaultValue("1") int linksPerAddressPerMinute,
    @DefaultValue("10") int requestsPerClientBurst, @DefaultValue("10") int requestsPerClientPerMinute,
    @DefaultValue("10") int repliesPerMinute) {

  public PortalProperties {
    if (linkValidity.isNegative() || linkValidity.isZero() || sessionIdle.isNegative() || sessionIdle.isZero()
        || sessionLifetime.compareTo(sessionIdle) < 0) {
      throw new IllegalArgumentException("tact.portal: link-validity and session-idle must be positive, and "
          + "session-lifetime at least session-idle");
    }
    baseUrl = baseUrl == null ? "" : baseUrl.strip();
  }
}
