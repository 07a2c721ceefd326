package dev.tact.policy.rules;

import static dev.tact.policy.Purpose.MARKETING;
import static dev.tact.policy.rules.Facts.ask;
import static dev.tact.policy.rules.Facts.at;
import static dev.tact.policy.rules.Facts.contact;
import static dev.tact.shared.Channel.PHONE;
import static dev.tact.shared.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.ContactPolicy;
import dev.tact.policy.Decision;
import dev.tact.policy.Decision.Outcome;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.Vote;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A contact known only by a phone number (the usual caller): the area code tells the province or state, and its
 * holidays and legal calling windows hold exactly as they would with the region in the profile.
 */
class PhoneOnlyContactTests {

  private static final ContactPolicy POLICY = new RuleBasedContactPolicy(RuleBook.standard(PolicySettings.defaults()));

  private static Facts caller(String number) {
    return contact().phones(number).lastInbound(PHONE).express(PHONE, MARKETING).express(SMS, MARKETING);
  }

  @Test
  void shouldDeferTheThanksgivingSalesCallToTuesdayNineWhenOnlyA204NumberIsKnown() {
    Decision decision = POLICY.decide(ask(PHONE, MARKETING, "ssl-cert", at("2011-10-10T11:00", "America/Winnipeg")),
        caller("+12045550123").build());

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.DEFER);
    assertThat(decision.notBefore()).isEqualTo(at("2011-10-11T09:00", "America/Winnipeg"));
    assertThat(decision.summary()).startsWith("Monday 10 October 2011 is Thanksgiving Day in Manitoba "
        + "(from the area code +1 204: Manitoba)").contains("R16 Canada")
        .endsWith("next permitted: Tuesday 11 October 2011 09:00 (Winnipeg, Central time)");
    assertThat(decision.votes()).extracting(Vote::reason).anyMatch(r -> r.contains("from the area code +1 204"));
  }

  @Test
  void shouldDeferAFloridaSalesCallAtQuarterPastEightToEightNextMorningWhenOnlyA305NumberIsKnown() {
    Decision decision = POLICY.decide(ask(PHONE, MARKETING, "ssl-cert", at("2026-06-09T20:15", "America/New_York")),
        caller("+13055550123").build());

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.DEFER);
    assertThat(decision.notBefore()).isEqualTo(at("2026-06-10T08:00", "America/New_York"));
    assertThat(decision.summary()).contains("R8 Florida (Fla. Stat. 501.616(6)) permits sales calls daily 08:00–20:00 "
        + "local time in Florida (from the area code +1 305: Florida)");
  }

  @ParameterizedTest(name = "{0} at {1} {2} → {3}")
  @CsvSource({
      // Victoria Day in Alberta (Monday 18 May 2026) → Tuesday 09:00 (R16)
      "+14035550123, 2026-05-18T11:00, America/Edmonton, 2026-05-19T09:00",
      // Saint-Jean-Baptiste in Quebec (Wednesday 24 June 2026)
      "+15145550123, 2026-06-24T11:00, America/Toronto, 2026-06-25T09:00",
      // Saskatchewan Day (Monday 3 August 2026)
      "+13065550123, 2026-08-03T11:00, America/Regina, 2026-08-04T09:00",
      // Victory Day, Rhode Island (Monday 10 August 2026): an observance in Jollyday, a holiday in R13
      "+14015550123, 2026-08-10T11:00, America/New_York, 2026-08-11T09:00",
      // Mardi Gras in Louisiana (Tuesday 17 February 2026) → Wednesday 08:00
      "+15045550123, 2026-02-17T11:00, America/Chicago, 2026-02-18T08:00",
      // Oklahoma at 20:15 → 08:00 (R9)
      "+14055550123, 2026-06-09T20:15, America/Chicago, 2026-06-10T08:00",
      // Washington at 20:30 → 08:00 (R11)
      "+12065550123, 2026-06-09T20:30, America/Los_Angeles, 2026-06-10T08:00",
      // Rhode Island on a weekday at 18:30 → 09:00 (R13)
      "+14015550123, 2026-06-09T18:30, America/New_York, 2026-06-10T09:00",
      // Yukon, Nunavut and the Northwest Territories share 867: Nunavut Day (Thursday 9 July 2026) holds for all,
      // and R16 must hold in every zone of the three: 09:00 in Whitehorse is the first such time
      "+18675550123, 2026-07-09T12:00, America/Whitehorse, 2026-07-10T09:00"})
  void shouldApplyTheRegionOfTheAreaCodeWhenOnlyThePhoneNumberIsKnown(String number, String local, String zone,
      String expected) {
    Decision decision = POLICY.decide(ask(PHONE, MARKETING, "ssl-cert", at(local, zone)), caller(number).build());

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.DEFER);
    assertThat(decision.notBefore()).as(decision.summary()).isEqualTo(at(expected, zone));
  }

  @Test
  void shouldAllowWhenTheAreaCodesRulesPermitTheTime() {
    Instant tuesdayTen = at("2026-06-09T10:00", "America/Winnipeg");
    Decision decision = POLICY.decide(ask(PHONE, MARKETING, "ssl-cert", tuesdayTen), caller("+12045550123").build());

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.ALLOW);
  }
}
