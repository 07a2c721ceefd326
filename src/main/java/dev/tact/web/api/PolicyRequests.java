package dev.tact.web.api;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.OutboundChannel;
import dev.tact.policy.Purpose;
import dev.tact.shared.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads the policy vocabulary from API input, with Problem Details for words it does not know. */
final class PolicyRequests {

  private PolicyRequests() {}

  static OutboundChannel channel(String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw ProblemException.invalid("missing-channel", "channel is required: one of " + names(OutboundChannel.values()) + ".");
      }
      return null;
    }
    String v = normal(value);
    if (v.equals("PHONE") || v.equals("CALL")) {
      return OutboundChannel.PHONE_CALL;
    }
    return Arrays.stream(OutboundChannel.values()).filter(c -> c.name().equals(v)).findFirst()
        .orElseThrow(() -> ProblemException.invalid("unknown-channel",
            "Unknown channel '" + value + "': use one of " + names(OutboundChannel.values()) + "."));
  }

  static Purpose purpose(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("missing-purpose", "purpose is required: transactional or marketing.");
    }
    return Arrays.stream(Purpose.values()).filter(p -> p.name().equals(normal(value))).findFirst()
        .orElseThrow(() -> ProblemException.invalid("unknown-purpose",
            "Unknown purpose '" + value + "': use transactional or marketing."));
  }

  static ConsentEntry.Kind kind(String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("missing-kind", "kind is required: express, implied or opt_out.");
    }
    return Arrays.stream(ConsentEntry.Kind.values()).filter(k -> k.name().equals(normal(value).replace("OPTOUT", "OPT_OUT")))
        .findFirst().orElseThrow(() -> ProblemException.invalid("unknown-kind",
            "Unknown kind '" + value + "': use express, implied or opt_out."));
  }

  private static String normal(String value) {
    return value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
