package dev.tact.churn.web;

import dev.tact.churn.ChurnFilter;
import dev.tact.churn.PoorExperience;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffPrincipals;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/** What the page and the API read from a request alike: the filter, the order, and who may see the list. */
final class ChurnRequests {

  private ChurnRequests() {}

  static ChurnFilter filter(String reason, String team, String agent, String channel, String intent) {
    return new ChurnFilter(blank(reason) ? null : PoorExperience.parse(reason), uuid("team", team),
        uuid("agent", agent), blank(channel) ? null : Channel.parse(channel), blank(intent) ? null : intent.strip());
  }

  static ChurnFilter.Order order(String order) {
    return switch (blank(order) ? "newest" : order.strip().toLowerCase(Locale.ROOT)) {
      case "newest" -> ChurnFilter.Order.NEWEST;
      case "value" -> ChurnFilter.Order.VALUE;
      default -> throw ProblemException.invalid("unknown-order", "Unknown order '" + order + "': use newest or value.");
    };
  }

  static void requireLead(Authentication auth) {
    if (!StaffPrincipals.isLead(auth)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins see the contacts at risk of "
          + "silent churn.");
    }
  }

  private static UUID uuid(String what, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-" + what, "The " + what + " must be an id, was '" + value + "'.");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
