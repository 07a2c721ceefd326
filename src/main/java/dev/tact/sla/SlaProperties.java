package dev.tact.sla;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service targets.
 *
 * @param defaultZone the zone of teams without a calendar of their own
 * @param defaultHours their working hours, in the form of {@link HoursText} (default: around the clock, so that a
 *     target of 4 hours means 4 hours until an admin sets a team's calendar)
 * @param escalateOnBreach whether a breached target moves the conversation up one tier (first line → specialist →
 *     lead) with the reason "SLA breach: …"
 * @param dueSoonMinutes how close to its due time a target counts as "due soon" in the SLA queue
 */
@ConfigurationProperties("tact.sla")
public record SlaProperties(@DefaultValue("UTC") String defaultZone,
    @DefaultValue("mon-sun 00:00-00:00") String defaultHours, @DefaultValue("true") boolean escalateOnBreach,
    @DefaultValue("60") int dueSoonMinutes) {

  public SlaProperties {
    try {
      ZoneId.of(defaultZone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("tact.sla.default-zone is not a time zone: " + defaultZone, e);
    }
    HoursText.parse(defaultHours);
    if (dueSoonMinutes < 1) {
      throw new IllegalArgumentException("tact.sla.due-soon-minutes must be at least 1, not " + dueSoonMinutes);
    }
  }
}
