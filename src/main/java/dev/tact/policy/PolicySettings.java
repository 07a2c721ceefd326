package dev.tact.policy;

import dev.tact.shared.Channel;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The deployment's knobs for the contact policy, with conservative defaults ({@link #defaults()}). Plain Java: the
 * Spring side binds it from configuration.
 *
 * @param quietHours per channel, the local hours in which no marketing goes out; a channel absent means none
 * @param quietHoursForTransactional whether quiet hours also hold transactional contact (default false: answers,
 *     incident notices and receipts go, as Braze and Twilio exempt them)
 * @param noMarketingOnWeekends channels on which no marketing goes out on Saturday or Sunday (recipient's time)
 * @param noMarketingOnHolidays channels on which no marketing goes out on the recipient's public and bank holidays
 * @param marketingCap at most this many marketing contacts, on any channel, per this period (rolling)
 * @param callsPerSubjectCap at most this many marketing calls and texts on one subject per this period (rolling)
 * @param supportCoolDown no marketing for this long after the contact's last support activity
 * @param legalPresets whether the legal calling windows per jurisdiction (R1, R8–R16) apply
 * @param searchHorizon how far ahead a deferral may look for a permitted instant before denying
 * @param disabledPresets rows of the legal presets switched off one by one (e.g. "R12"), while {@code legalPresets} holds
 */
public record PolicySettings(Map<Channel, QuietHours> quietHours, boolean quietHoursForTransactional,
    Set<Channel> noMarketingOnWeekends, Set<Channel> noMarketingOnHolidays, Cap marketingCap,
    Cap callsPerSubjectCap, Duration supportCoolDown, boolean legalPresets, Duration searchHorizon,
    Set<String> disabledPresets) {

  public PolicySettings {
    quietHours = quietHours == null || quietHours.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(quietHours));
    noMarketingOnWeekends = noMarketingOnWeekends == null ? Set.of() : Set.copyOf(noMarketingOnWeekends);
    noMarketingOnHolidays = noMarketingOnHolidays == null ? Set.of() : Set.copyOf(noMarketingOnHolidays);
    Objects.requireNonNull(marketingCap, "marketingCap");
    Objects.requireNonNull(callsPerSubjectCap, "callsPerSubjectCap");
    supportCoolDown = supportCoolDown == null || supportCoolDown.isNegative() ? Duration.ZERO : supportCoolDown;
    searchHorizon = searchHorizon == null || searchHorizon.toDays() < 1 ? Duration.ofDays(60) : searchHorizon;
    disabledPresets = disabledPresets == null ? Set.of() : Set.copyOf(disabledPresets);
  }

  /** Whether the legal calling-window preset of this rules-file row (e.g. "R12") applies. */
  public boolean presetEnabled(String row) {
    return legalPresets && !disabledPresets.contains(row);
  }

  /**
   * Phone calls and texts: quiet 21:00–08:00, no marketing on weekends or holidays; email none; one marketing
   * contact per 7 days; at most 3 calls on one subject per 24 h; 7 days of cool-down after support; presets on.
   */
  public static PolicySettings defaults() {
    QuietHours evening = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    Map<Channel, QuietHours> quiet = new EnumMap<>(Channel.class);
    quiet.put(Channel.PHONE, evening);
    quiet.put(Channel.SMS, evening);
    Set<Channel> voice = EnumSet.of(Channel.PHONE, Channel.SMS);
    return new PolicySettings(quiet, false, voice, voice, new Cap(1, Duration.ofDays(7)),
        new Cap(3, Duration.ofHours(24)), Duration.ofDays(7), true, Duration.ofDays(60), Set.of());
  }

  public PolicySettings withQuietHours(Map<Channel, QuietHours> value) {
    return new PolicySettings(value, quietHoursForTransactional, noMarketingOnWeekends, noMarketingOnHolidays,
        marketingCap, callsPerSubjectCap, supportCoolDown, legalPresets, searchHorizon, disabledPresets);
  }

  public PolicySettings withNoMarketingOnWeekends(Set<Channel> value) {
    return new PolicySettings(quietHours, quietHoursForTransactional, value, noMarketingOnHolidays, marketingCap,
        callsPerSubjectCap, supportCoolDown, legalPresets, searchHorizon, disabledPresets);
  }

  public PolicySettings withNoMarketingOnHolidays(Set<Channel> value) {
    return new PolicySettings(quietHours, quietHoursForTransactional, noMarketingOnWeekends, value, marketingCap,
        callsPerSubjectCap, supportCoolDown, legalPresets, searchHorizon, disabledPresets);
  }

  public PolicySettings withMarketingCap(Cap value) {
    return new PolicySettings(quietHours, quietHoursForTransactional, noMarketingOnWeekends, noMarketingOnHolidays,
        value, callsPerSubjectCap, supportCoolDown, legalPresets, searchHorizon, disabledPresets);
  }

  public PolicySettings withLegalPresets(boolean value) {
    return new PolicySettings(quietHours, quietHoursForTransactional, noMarketingOnWeekends, noMarketingOnHolidays,
        marketingCap, callsPerSubjectCap, supportCoolDown, value, searchHorizon, disabledPresets);
  }

  public PolicySettings withQuietHoursForTransactional(boolean value) {
    return new PolicySettings(quietHours, value, noMarketingOnWeekends, noMarketingOnHolidays, marketingCap,
        callsPerSubjectCap, supportCoolDown, legalPresets, searchHorizon, disabledPresets);
  }

  /** Local hours without contact: from {@code start} to {@code end}, across midnight when start is after end. */
  public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }

  /** At most {@code max} contacts per rolling {@code per}; {@code max} 0 or less means no cap. */
  public record Cap(int max, Duration per) {

    public Cap {
      per = per == null ? Duration.ZERO : per;
    }

    public boolean active() {
      return max > 0 && per.isPositive();
    }
  }
}
