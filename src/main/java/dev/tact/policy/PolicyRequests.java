package dev.tact.policy;

import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffPrincipals;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.core.Authentication;

/**
 * Reads the policy vocabulary from API and form input, with Problem Details for words it does not
 * know, and says who may write what into a consent ledger; shared by the REST API and the UI.
 */
public final class PolicyRequests {

  private PolicyRequests() {}

  public static Channel channel(String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw ProblemException.invalid("missing-channel", "channel is required: one of " + PolicyChannels.known()
            + ".");
      }
      return null;
    }
    return PolicyChannels.find(value).orElseThrow(() -> ProblemException.invalid("unknown-channel",
        "Unknown channel '" + value + "': use one of " + PolicyChannels.known() + "."));
  }

  public static Purpose purpose(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("missing-purpose", "purpose is required: transactional, marketing or survey.");
    }
    return Arrays.stream(Purpose.values()).filter(p -> p.name().equals(normal(value))).findFirst()
        .orElseThrow(() -> ProblemException.invalid("unknown-purpose",
            "Unknown purpose '" + value + "': use transactional, marketing or survey."));
  }

  public static ConsentEntry.Kind kind(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("missing-kind", "kind is required: express, implied or opt_out.");
    }
    return Arrays.stream(ConsentEntry.Kind.values()).filter(k -> k.name().equals(normal(value).replace("OPTOUT", "OPT_OUT")))
        .findFirst().orElseThrow(() -> ProblemException.invalid("unknown-kind",
            "Unknown kind '" + value + "': use express, implied or opt_out."));
  }

  public static BusinessRelationship.Kind relationship(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("missing-kind", "kind is required: purchase or inquiry.");
    }
    return Arrays.stream(BusinessRelationship.Kind.values()).filter(k -> k.name().equals(normal(value))).findFirst()
        .orElseThrow(() -> ProblemException.invalid("unknown-kind",
            "Unknown kind '" + value + "': use purchase or inquiry."));
  }

  /** Anyone may record an opt-out; express or implied consent needs a lead or an admin (403 otherwise). */
  public static void requireMayRecord(ConsentEntry.Kind kind, Authentication authentication) {
    if (kind != ConsentEntry.Kind.OPT_OUT && !StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may record consent.");
    }
  }

  private static String normal(String value) {
    return value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }
}
