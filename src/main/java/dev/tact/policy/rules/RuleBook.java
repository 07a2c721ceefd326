package dev.tact.policy.rules;

import dev.tact.policy.PolicySettings;
import dev.tact.shared.calendar.PublicHolidays;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place that lists the contact policy's active rules, in the order their votes are shown, with the
 * settings they read and the (cached, shared) holiday calendars.
 */
public record RuleBook(List<Rule> rules, PolicySettings settings, PublicHolidays holidays) {

  public RuleBook {
    rules = List.copyOf(rules);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(holidays, "holidays");
  }

  /**
   * Opt-out, consent, channel escalation, do-not-call registers, declared emergencies, suppression, unknown zone, quiet hours, weekends, public holidays, the
   * legal calling windows R1 and R8–R16, the marketing frequency cap, the calls-per-subject cap
   * and the surveys' manners.
   */
  public static RuleBook standard(PolicySettings settings) {
    List<Rule> rules = new ArrayList<>(List.of(
        new OptOutRule(),
        new ConsentRule(),
        new ChannelEscalationRule(),
        new DoNotCallRule(),
        new EmergencyRule(),
        new SuppressionRule(),
        new UnknownZoneRule(),
        new QuietHoursRule(),
        new WeekendRule(),
        new HolidayRule()));
    for (CallingWindowPreset preset : CallingWindowPreset.values()) {
      rules.add(new CallingWindowRule(preset));
    }
    rules.add(new FrequencyCapRule());
    rules.add(new SubjectCallCapRule());
    rules.add(new SurveyMannersRule());
    return new RuleBook(rules, settings, PublicHolidays.shared());
  }
}
