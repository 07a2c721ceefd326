package dev.tact.policy.rules;

import static dev.tact.policy.Purpose.MARKETING;
import static dev.tact.policy.Purpose.TRANSACTIONAL;
import static dev.tact.policy.rules.Facts.ask;
import static dev.tact.policy.rules.Facts.at;
import static dev.tact.policy.rules.Facts.caller;
import static dev.tact.policy.rules.Facts.contact;
import static dev.tact.shared.Channel.EMAIL;
import static dev.tact.shared.Channel.PHONE;
import static dev.tact.shared.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.BusinessRelationship;
import dev.tact.policy.Decision;
import dev.tact.policy.Decision.Outcome;
import dev.tact.policy.DoNotCallRegister;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.Vote;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Do-not-call registers (R2, R3, R17, R20), declared emergencies (R15) and caps that defer (point 2 of issue 14). */
class RegistersEmergenciesAndCapsTests {

  private static final String NY = "America/New_York";
  private static final String TOR = "America/Toronto";
  private static final String CHI = "America/Chicago";
  private static final RuleBasedContactPolicy POLICY =
      new RuleBasedContactPolicy(RuleBook.standard(PolicySettings.defaults()));
  private static final Instant TUESDAY_10 = at("2026-06-09T10:00", NY);

  private static Decision decide(Facts facts, dev.tact.shared.Channel channel, Instant at) {
    return POLICY.decide(ask(channel, MARKETING, "ssl-cert", at), facts.build());
  }

  // ------------------------------------------------------------------ do-not-call registers

  @Test
  void shouldDenyASalesCallToANumberOnTheUsRegistryNamingItAndTheDate() {
    Facts onRegistry = contact().zone(NY).in("US", "ny").lastInbound(PHONE)
        .listed(DoNotCallRegister.US_DNC, "+12125550123", "2019-04-02");

    Decision decision = decide(onRegistry, PHONE, TUESDAY_10);

    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
    assertThat(decision.summary()).contains("+12125550123 is on the US National Do Not Call Registry since "
        + "Tuesday 2 April 2019");
  }

  @Test
  void shouldLetExpressConsentThroughTheUsRegistry() {
    Facts consenting = caller(NY, "US", "ny").listed(DoNotCallRegister.US_DNC, "+12125550123", "2019-04-02");

    Decision decision = decide(consenting, PHONE, TUESDAY_10);

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.ALLOW);
    assertThat(decision.votes()).filteredOn(v -> v.rule().equals("do-not-call registers")).singleElement()
        .satisfies(v -> assertThat(v.reason()).contains("express consent"));
  }

  @Test
  void shouldLetAPurchaseWithinEighteenMonthsThroughTheUsRegistryButNotAnOlderOne() {
    Facts recent = contact().zone(NY).in("US", "ny").lastInbound(PHONE)
        .implied(PHONE, Instant.parse("2027-01-01T00:00:00Z"))
        .listed(DoNotCallRegister.US_DNC, "+12125550123", "2019-04-02")
        .related(BusinessRelationship.Kind.PURCHASE, Instant.parse("2025-02-01T12:00:00Z"));
    Facts old = contact().zone(NY).in("US", "ny").lastInbound(PHONE)
        .implied(PHONE, Instant.parse("2027-01-01T00:00:00Z"))
        .listed(DoNotCallRegister.US_DNC, "+12125550123", "2019-04-02")
        .related(BusinessRelationship.Kind.PURCHASE, Instant.parse("2024-11-01T12:00:00Z"));
    Facts inquiry = contact().zone(NY).in("US", "ny").lastInbound(PHONE)
        .implied(PHONE, Instant.parse("2027-01-01T00:00:00Z"))
        .listed(DoNotCallRegister.US_DNC, "+12125550123", "2019-04-02")
        .related(BusinessRelationship.Kind.INQUIRY, Instant.parse("2026-02-01T12:00:00Z"));

    assertThat(decide(recent, PHONE, TUESDAY_10).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decide(old, PHONE, TUESDAY_10).outcome()).isEqualTo(Outcome.DENY);
    assertThat(decide(inquiry, PHONE, TUESDAY_10).summary()).as("an inquiry counts 3 months in the US")
        .contains("inquiry within 3 months");
  }

  @Test
  void shouldCountAnInquiryForSixMonthsOnCanadasList() {
    Facts inquiry = contact().zone(TOR).in("CA", "on").lastInbound(PHONE)
        .implied(PHONE, Instant.parse("2027-01-01T00:00:00Z"))
        .listed(DoNotCallRegister.CA_DNCL, "+14165550123", "2015-01-10")
        .related(BusinessRelationship.Kind.INQUIRY, Instant.parse("2026-02-01T12:00:00Z"));

    Decision decision = decide(inquiry, PHONE, at("2026-06-09T10:00", TOR));

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldLeaveTextsToTheConsentRuleWhenTheRegisterCoversCallsOnly() {
    Facts tps = contact().zone("Europe/London").in("GB", null).lastInbound(SMS).express(SMS, MARKETING)
        .listed(DoNotCallRegister.UK_TPS, "+447700900123", "2020-05-05");

    assertThat(decide(tps, SMS, at("2026-06-09T11:00", "Europe/London")).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decide(tps.lastInbound(PHONE), PHONE, at("2026-06-09T11:00", "Europe/London")).outcome())
        .as("a call to a TPS number without consent to calls").isEqualTo(Outcome.DENY);
  }

  @Test
  void shouldHonourOurOwnListOverConsentGivenBeforeTheNumberWasPutOnIt() {
    Facts internal = caller(NY, "US", "ny").listed(DoNotCallRegister.INTERNAL, "+12125550123", "2020-01-01");
    Facts consentedAgain = contact().zone(NY).in("US", "ny").lastInbound(PHONE)
        .expressGiven(PHONE, Instant.parse("2021-03-01T00:00:00Z"))
        .listed(DoNotCallRegister.INTERNAL, "+12125550123", "2020-01-01");

    assertThat(decide(internal, PHONE, TUESDAY_10).outcome()).isEqualTo(Outcome.DENY);
    assertThat(decide(consentedAgain, PHONE, TUESDAY_10).outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldNeverHoldTransactionalContactWhenTheNumberIsListed() {
    Facts listed = contact().zone(NY).in("US", "ny").lastInbound(PHONE)
        .listed(DoNotCallRegister.US_DNC, "+12125550123", "2019-04-02");

    assertThat(POLICY.decide(ask(PHONE, TRANSACTIONAL, "case 7", TUESDAY_10), listed.build()).outcome())
        .isEqualTo(Outcome.ALLOW);
  }

  // ------------------------------------------------------------------ declared emergencies

  @Test
  void shouldDeferSalesContactsInTheRegionUntilTheEmergencyEnds() {
    Instant ends = at("2026-06-12T18:00", CHI);
    Facts inLouisiana = caller(CHI, "US", "la").emergency("US", "la", at("2026-06-01T06:00", CHI), ends, true);

    Decision decision = decide(inLouisiana, PHONE, at("2026-06-09T10:00", CHI));

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.DEFER);
    assertThat(decision.notBefore()).as("Friday 18:00 is inside R15's Monday-to-Saturday 08:00–20:00")
        .isEqualTo(ends);
    assertThat(decision.summary()).contains("declared emergency in Louisiana").contains("R15");
  }

  @Test
  void shouldDenyWhileTheEmergencyHasNoEnd() {
    Facts inLouisiana = caller(CHI, "US", "la").emergency("US", null, at("2026-06-01T06:00", CHI), null, true);

    Decision decision = decide(inLouisiana, PHONE, at("2026-06-09T10:00", CHI));

    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
    assertThat(decision.summary()).contains("no end yet");
  }

  @Test
  void shouldLetARecentCustomerThroughWhenTheEmergencyKeepsTheLawsExemptions() {
    Facts customer = caller(CHI, "US", "la").emergency("US", "la", at("2026-06-01T06:00", CHI), null, false)
        .related(BusinessRelationship.Kind.PURCHASE, Instant.parse("2026-03-01T12:00:00Z"));
    Facts suspended = caller(CHI, "US", "la").emergency("US", "la", at("2026-06-01T06:00", CHI), null, true)
        .related(BusinessRelationship.Kind.PURCHASE, Instant.parse("2026-03-01T12:00:00Z"));

    assertThat(decide(customer, PHONE, at("2026-06-09T10:00", CHI)).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decide(suspended, PHONE, at("2026-06-09T10:00", CHI)).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void shouldLeaveOtherRegionsAndSupportContactAlone() {
    Facts inTexas = caller(CHI, "US", "tx").emergency("US", "la", at("2026-06-01T06:00", CHI), null, true);
    Facts inLouisiana = caller(CHI, "US", "la").emergency("US", "la", at("2026-06-01T06:00", CHI), null, true);

    assertThat(decide(inTexas, PHONE, at("2026-06-09T10:00", CHI)).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(POLICY.decide(ask(PHONE, TRANSACTIONAL, "case", at("2026-06-09T10:00", CHI)), inLouisiana.build())
        .outcome()).isEqualTo(Outcome.ALLOW);
  }

  // ------------------------------------------------------------------ caps that defer

  @Test
  void shouldDeferAFullCapToWhenItFreesAndThenToWhatEveryOtherRulePermits() {
    // the weekly cap frees on Saturday 13 June 10:00 New York; no sales calls on weekends → Monday 08:00
    Facts called = caller(NY, "US", "ny").attempt(PHONE, MARKETING, "promo", at("2026-06-06T10:00", NY));

    Decision decision = decide(called, PHONE, TUESDAY_10);

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.DEFER);
    assertThat(decision.notBefore()).isEqualTo(at("2026-06-15T08:00", NY));
    assertThat(decision.summary()).startsWith("over the cap of 1 marketing contact per 7 days")
        .contains("then Saturday 13 June 2026 is a weekend day")
        .contains("then Monday 15 June 2026 00:00 (New York, Eastern time) is inside the quiet hours")
        .endsWith("next permitted: Monday 15 June 2026 08:00 (New York, Eastern time)");
    assertThat(decision.votes()).extracting(Vote::kind).doesNotContain(Vote.Kind.DENY);
  }

  @Test
  void shouldKeepDeferringWhenAContactAlreadyScheduledFillsTheCapAgain() {
    // one sent on Tuesday 2 June, one scheduled for Monday 15 June: 7 days either side of each are taken
    Facts busy = contact().zone(NY).in("US", "ny").lastInbound(EMAIL).express(EMAIL, MARKETING)
        .attempt(EMAIL, MARKETING, "promo", at("2026-06-02T10:00", NY))
        .attempt(EMAIL, MARKETING, "promo", at("2026-06-15T10:00", NY));

    Decision decision = decide(busy, EMAIL, TUESDAY_10);

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.DEFER);
    assertThat(decision.notBefore()).isEqualTo(at("2026-06-22T10:00", NY));
  }

  @Test
  void shouldStillDenyWhatNoTimePermits() {
    assertThat(decide(contact().zone(NY).in("US", "ny").lastInbound(EMAIL), EMAIL, TUESDAY_10).outcome())
        .as("no consent").isEqualTo(Outcome.DENY);
    assertThat(decide(caller(NY, "US", "ny").optOut(PHONE, MARKETING, null), PHONE, TUESDAY_10).outcome())
        .as("opted out").isEqualTo(Outcome.DENY);
    assertThat(decide(contact().zone(NY).in("US", "ny").lastInbound(EMAIL).express(EMAIL, MARKETING), PHONE,
        TUESDAY_10).outcome()).as("a more intrusive channel").isEqualTo(Outcome.DENY);
  }
}
