package dev.tact.policy;

import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contact policy's settings as admins read and write them (API and UI): quiet hours as
 * {@code "21:00-08:00"} per channel, channels by name, caps as a count per hours, the cool-down
 * in days, legal presets switched off by their rules-file row ("R12"). {@link #toSettings()} checks every value
 * (422 on a bad one).
 */
public record PolicySettingsForm(Map<String, String> quietHours, boolean quietHoursForTransactional,
    List<String> noMarketingOnWeekends, List<String> noMarketingOnHolidays, int marketingCapCount,
    long marketingCapHours, int callsPerSubjectCapCount, long callsPerSubjectCapHours, long supportCoolDownDays,
    boolean legalPresets, List<String> disabledPresets) {

  public static PolicySettingsForm of(PolicySettings s) {
    Map<String, String> quiet = new TreeMap<>();
    s.quietHours().forEach((channel, hours) -> quiet.put(PolicyChannels.name(channel), hours.start() + "-" + hours.end()));
    return new PolicySettingsForm(quiet, s.quietHoursForTransactional(), names(s.noMarketingOnWeekends()),
        names(s.noMarketingOnHolidays()), s.marketingCap().max(), s.marketingCap().per().toHours(),
        s.callsPerSubjectCap().max(), s.callsPerSubjectCap().per().toHours(), s.supportCoolDown().toDays(),
        s.legalPresets(), s.disabledPresets().stream().sorted().toList());
  }

  public PolicySettings toSettings() {
    Map<Channel, PolicySettings.QuietHours> quiet = new EnumMap<>(Channel.class);
    (quietHours == null ? Map.<String, String>of() : quietHours).forEach((channel, hours) -> {
      if (hours != null && !hours.isBlank()) {
        quiet.put(channel(channel), quietHours(channel, hours));
      }
    });
    if (marketingCapCount < 0 || callsPerSubjectCapCount < 0 || marketingCapHours < 0 || callsPerSubjectCapHours < 0
        || supportCoolDownDays < 0 || supportCoolDownDays > 3650) {
      throw ProblemException.invalid("invalid-policy-settings",
          "Caps, periods and the cool-down must not be negative (cool-down at most 3650 days).");
    }
    return new PolicySettings(quiet, quietHoursForTransactional, channels(noMarketingOnWeekends),
        channels(noMarketingOnHolidays), new PolicySettings.Cap(marketingCapCount, Duration.ofHours(marketingCapHours)),
        new PolicySettings.Cap(callsPerSubjectCapCount, Duration.ofHours(callsPerSubjectCapHours)),
        Duration.ofDays(supportCoolDownDays), legalPresets, PolicySettings.defaults().searchHorizon(),
        presets(disabledPresets));
  }

  private static Set<String> presets(List<String> rows) {
    Set<String> known = new java.util.HashSet<>();
    ContactPolicies.legalPresets().forEach(p -> known.add(p.row()));
    Set<String> result = new java.util.TreeSet<>();
    for (String row : rows == null ? List.<String>of() : rows) {
      String normal = row == null ? "" : row.strip().toUpperCase(Locale.ROOT);
      if (!known.contains(normal)) {
        throw ProblemException.invalid("unknown-preset", "Unknown legal preset '" + row + "': use one of " + known + ".");
      }
      result.add(normal);
    }
    return result;
  }

  private static Set<Channel> channels(List<String> names) {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    for (String name : names == null ? List.<String>of() : names) {
      channels.add(channel(name));
    }
    return channels;
  }

  private static Channel channel(String name) {
    return PolicyChannels.find(name).orElseThrow(() -> ProblemException.invalid("unknown-channel",
        "Unknown channel '" + name + "': use one of " + PolicyChannels.ALL.stream().map(PolicyChannels::name).toList()
        + "."));
  }

  /** Reads quiet hours written as {@code 21:00-08:00} (422 otherwise); also used for {@code tact.policy.quiet-hours}. */
  public static PolicySettings.QuietHours quietHours(String channel, String value) {
    String[] parts = value == null ? new String[0] : value.strip().split("\\s*-\\s*");
    try {
      if (parts.length == 2) {
        return new PolicySettings.QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw ProblemException.invalid("invalid-quiet-hours",
        "Quiet hours for " + channel + " must look like 21:00-08:00, not '" + value + "'.");
  }

  private static List<String> names(Set<Channel> channels) {
    List<String> names = new ArrayList<>();
    for (Channel channel : PolicyChannels.ALL) {
      if (channels.contains(channel)) {
        names.add(PolicyChannels.name(channel));
      }
    }
    return names;
  }
}
