package dev.tact.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ContactPolicies;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An admin can switch one legal preset off while the others hold. */
class LegalPresetSwitchTests {

  private static final ZoneId WINNIPEG = ZoneId.of("America/Winnipeg");
  private static final Instant WEDNESDAY_0830 = LocalDateTime.of(2026, 3, 18, 8, 30).atZone(WINNIPEG).toInstant();

  private final PolicyFacts winnipeg = new PolicyFacts(UUID.randomUUID(), WINNIPEG, Set.of(), "CA", "mb",
      Channel.PHONE, List.of(new ConsentEntry(ConsentEntry.Kind.EXPRESS, Channel.PHONE,
          Purpose.MARKETING, null, "web form", "form 1", Instant.parse("2026-01-05T12:00:00Z"), null)),
      List.of(), false, false, false, null);
  private final DecisionRequest call = new DecisionRequest(winnipeg.contactId(), Channel.PHONE,
      Purpose.MARKETING, "renewal", WEDNESDAY_0830);

  @Test
  void shouldDeferToTheCanadianWindowWhileR16IsOn() {
    Decision decision = ContactPolicies.standard(PolicySettings.defaults()).decide(call, winnipeg);

    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.DEFER);
    assertThat(decision.notBefore()).isEqualTo(WEDNESDAY_0830.plus(Duration.ofMinutes(30)));
    assertThat(decision.summary()).contains("R16");
  }

  @Test
  void shouldAllowTheCallWhenOnlyR16IsSwitchedOff() {
    PolicySettings d = PolicySettings.defaults();
    PolicySettings withoutR16 = new PolicySettings(d.quietHours(), d.quietHoursForTransactional(),
        d.noMarketingOnWeekends(), d.noMarketingOnHolidays(), d.marketingCap(), d.callsPerSubjectCap(),
        d.supportCoolDown(), true, d.searchHorizon(), Set.of("R16"));

    Decision decision = ContactPolicies.standard(withoutR16).decide(call, winnipeg);

    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(ContactPolicies.legalPresets()).extracting(p -> p.row()).contains("R1", "R8", "R16");
  }
}
