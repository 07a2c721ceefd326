package dev.tact.policy.ledger;

import dev.tact.policy.PolicyChannels;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.PolicySettingsForm;
import dev.tact.shared.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The contact policy's settings under {@code tact.policy}; anything left out keeps the default of
 * {@link PolicySettings#defaults()}.
 *
 * @param quietHours per channel, local hours without marketing, e.g. {@code PHONE_CALL: 21:00-08:00}
 * @param quietHoursForTransactional whether quiet hours also hold answers and notices
 * @param noMarketingOnWeekends channels without marketing on Saturday and Sunday (by the policy's names, see
 *     {@link PolicyChannels})
 * @param noMarketingOnHolidays channels without marketing on the recipient's public holidays
 * @param marketingCapCount at most this many marketing contacts per {@code marketingCapPeriod}
 * @param callsPerSubjectCapCount at most this many marketing calls/texts on one subject per {@code callsPerSubjectCapPeriod}
 * @param supportCoolDown no marketing for this long after the contact's last support activity
 * @param legalPresets whether the legal calling windows per jurisdiction apply
 */
@ConfigurationProperties("tact.policy")
record PolicyProperties(Map<String, String> quietHours, Boolean quietHoursForTransactional,
    Set<String> noMarketingOnWeekends, Set<String> noMarketingOnHolidays, Integer marketingCapCount,
    Duration marketingCapPeriod, Integer callsPerSubjectCapCount, Duration callsPerSubjectCapPeriod,
    Duration supportCoolDown, Boolean legalPresets) {

  PolicySettings toSettings() {
    PolicySettings d = PolicySettings.defaults();
    Map<Channel, PolicySettings.QuietHours> quiet = d.quietHours();
    if (quietHours != null) {
      quiet = new EnumMap<>(Channel.class);
      for (Map.Entry<String, String> entry : quietHours.entrySet()) {
        quiet.put(channel(entry.getKey()), PolicySettingsForm.quietHours(entry.getKey(), entry.getValue()));
      }
    }
    return new PolicySettings(quiet, quietHoursForTransactional != null ? quietHoursForTransactional
        : d.quietHoursForTransactional(),
        noMarketingOnWeekends != null ? channels(noMarketingOnWeekends) : d.noMarketingOnWeekends(),
        noMarketingOnHolidays != null ? channels(noMarketingOnHolidays) : d.noMarketingOnHolidays(),
        new PolicySettings.Cap(marketingCapCount != null ? marketingCapCount : d.marketingCap().max(),
            marketingCapPeriod != null ? marketingCapPeriod : d.marketingCap().per()),
        new PolicySettings.Cap(callsPerSubjectCapCount != null ? callsPerSubjectCapCount : d.callsPerSubjectCap().max(),
            callsPerSubjectCapPeriod != null ? callsPerSubjectCapPeriod : d.callsPerSubjectCap().per()),
        supportCoolDown != null ? supportCoolDown : d.supportCoolDown(),
        legalPresets != null ? legalPresets : d.legalPresets(), d.searchHorizon(), d.disabledPresets());
  }

  private static Set<Channel> channels(Set<String> names) {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    names.forEach(name -> channels.add(channel(name)));
    return channels;
  }

  /** A channel as the policy spells it, in any case: PHONE_CALL (or phone-call, phone), EMAIL, SMS, CHAT, SOCIAL. */
  private static Channel channel(String name) {
    return PolicyChannels.find(name).orElseThrow(() -> new IllegalArgumentException("tact.policy names an unknown "
        + "channel '" + name + "': use one of " + PolicyChannels.known()));
  }
}
