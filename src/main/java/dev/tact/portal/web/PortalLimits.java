package dev.tact.portal.web;

import dev.tact.portal.PortalProperties;
import dev.tact.shared.web.VisitorRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The portal's rate limits, each node on its own: link requests and link openings per client address, links sent per
 * email address or number (however many clients ask for it), and replies per signed-in customer.
 */
@Component
class PortalLimits {

  private static final int MAX_KEYS = 100_000;

  private final VisitorRateLimiter perClient;
  private final VisitorRateLimiter perIdentity;
  private final VisitorRateLimiter perCustomer;

  PortalLimits(PortalProperties properties) {
    this.perClient = new VisitorRateLimiter(properties.requestsPerClientBurst(),
        properties.requestsPerClientPerMinute(), MAX_KEYS);
    this.perIdentity = new VisitorRateLimiter(properties.linksPerAddressBurst(),
        properties.linksPerAddressPerMinute(), MAX_KEYS);
    this.perCustomer = new VisitorRateLimiter(properties.repliesPerMinute(), properties.repliesPerMinute(), MAX_KEYS);
  }

  /** Seconds this client must wait before its next request (0: go ahead). */
  long client(HttpServletRequest request) {
    return perClient.secondsToWait(request.getRemoteAddr());
  }

  /** Seconds before another link may be sent to this identity (0: go ahead). */
  long identity(String normalised) {
    return perIdentity.secondsToWait(normalised);
  }

  /** Seconds before this customer may reply again (0: go ahead). */
  long replies(java.util.UUID contactId) {
    return perCustomer.secondsToWait(contactId.toString());
  }
}
