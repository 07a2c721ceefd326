package dev.tact.policy.rules;

import static dev.tact.policy.Purpose.MARKETING;
import static dev.tact.policy.Purpose.TRANSACTIONAL;
import static dev.tact.policy.rules.Facts.ask;
import static dev.tact.policy.rules.Facts.at;
import static dev.tact.policy.rules.Facts.caller;
import static dev.tact.policy.rules.Facts.contact;
import static dev.tact.policy.rules.Facts.winnipeg;
import static dev.tact.shared.Channel.EMAIL;
import static dev.tact.shared.Channel.PHONE;
import static dev.tact.shared.Channel.SMS;
import static dev.tact.shared.Channel.SOCIAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.ContactPolicy;
import dev.tact.policy.Decision;
import dev.tact.policy.Decision.Outcome;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.PolicySettings.Cap;
import dev.tact.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy against cases taken from the rules file (POLICY-RULES.md, rows R1…R22) and the story. Every
 * expected outcome and instant was worked out by hand from the rule, not from the code.
 */
class PolicyTableTests {

  private static final String W = "America/Winnipeg";
  private static final String NY = "America/New_York";
  private static final String CHI = "America/Chicago";
  private static final String LA = "America/Los_Angeles";
  private static final String TOR = "America/Toronto";
  private static final String BERLIN = "Europe/Berlin";
  private static final Instant THANKSGIVING_11 = at("2011-10-10T11:00", W);

  private static final PolicySettings STANDARD = PolicySettings.defaults();
  private static final PolicySettings NO_WEEKEND_RULE = STANDARD.withNoMarketingOnWeekends(Set.of());
  private static final PolicySettings NO_MARKETING_CAP = STANDARD.withMarketingCap(new Cap(0, Duration.ZERO));
  /** Only the legal presets hold the clock: no quiet hours, weekend or holiday rule, no weekly cap. */
  private static final PolicySettings PRESETS = STANDARD.withQuietHours(Map.of()).withNoMarketingOnWeekends(Set.of())
      .withNoMarketingOnHolidays(Set.of()).withMarketingCap(new Cap(0, Duration.ZERO));

  private static final Map<PolicySettings, ContactPolicy> POLICIES = new ConcurrentHashMap<>();

  record Case(String description, PolicySettings settings, PolicyFacts facts, DecisionRequest request,
      Outcome outcome, Instant notBefore, String word) {

    @Override
    public String toString() {
      return description;
    }
  }

  private static Case row(String description, PolicySettings settings, Facts facts, DecisionRequest request,
      Outcome outcome, Instant notBefore, String word) {
    return new Case(description, settings, facts.build(), request, outcome, notBefore, word);
  }

  private static Facts emailer() {
    return contact().zone(NY).in("US", "ny").lastInbound(EMAIL).express(EMAIL, MARKETING);
  }

  private static DecisionRequest sales(Channel channel, Instant at) {
    return ask(channel, MARKETING, "ssl-cert", at);
  }

  private static DecisionRequest support(Channel channel, Instant at) {
    return ask(channel, TRANSACTIONAL, "case 12", at);
  }

  static Stream<Case> cases() {
    Instant tuesday10 = at("2026-06-09T10:00", NY);
    return Stream.of(
        // the story (issue 6)
        row("Winnipeg sales call on Thanksgiving Monday 11:00 → Tuesday 09:00 (holiday, then R16)", STANDARD,
            winnipeg(), sales(PHONE, THANKSGIVING_11), Outcome.DEFER, at("2011-10-11T09:00", W), "Thanksgiving"),
        row("after he said no to that offer → denied", STANDARD,
            winnipeg().optOut(PHONE, MARKETING, "ssl-cert"), sales(PHONE, THANKSGIVING_11),
            Outcome.DENY, null, "opted out"),
        row("after he said no → denied years later too", STANDARD,
            winnipeg().optOut(PHONE, MARKETING, "ssl-cert"), sales(PHONE, at("2016-03-15T10:00", W)),
            Outcome.DENY, null, "forever"),
        row("a reply to his tweet goes, even on Thanksgiving", STANDARD,
            winnipeg().optOut(PHONE, MARKETING, "ssl-cert"), support(SOCIAL, THANKSGIVING_11),
            Outcome.ALLOW, null, "allowed"),
        row("an opt-out of one offer leaves another offer", STANDARD,
            winnipeg().optOut(PHONE, MARKETING, "ssl-cert"),
            ask(PHONE, MARKETING, "hosting-upgrade", at("2011-10-11T10:00", W)), Outcome.ALLOW, null, "allowed"),
        // opt-outs (R2, R4, R6, R22)
        row("a marketing opt-out on every channel denies marketing email", STANDARD,
            emailer().optOut(null, MARKETING, null), sales(EMAIL, tuesday10), Outcome.DENY, null, "opted out"),
        row("a marketing opt-out never stops a support call", STANDARD,
            caller(NY, "US", "ny").optOut(null, MARKETING, null), support(PHONE, tuesday10),
            Outcome.ALLOW, null, "allowed"),
        row("an opt-out of transactional texts denies support texts", STANDARD,
            caller(NY, "US", "ny").optOut(SMS, TRANSACTIONAL, null), support(SMS, tuesday10),
            Outcome.DENY, null, "all contact"),
        row("an opt-out of transactional texts denies sales texts too", STANDARD,
            caller(NY, "US", "ny").optOut(SMS, TRANSACTIONAL, null), sales(SMS, tuesday10),
            Outcome.DENY, null, "opted out"),
        row("an opt-out of transactional texts leaves support email", STANDARD,
            caller(NY, "US", "ny").optOut(SMS, TRANSACTIONAL, null), support(EMAIL, tuesday10),
            Outcome.ALLOW, null, "allowed"),
        // consent (R19, R21)
        row("marketing email without any consent → denied", STANDARD,
            contact().zone(NY).in("US", "ny").lastInbound(EMAIL), sales(EMAIL, tuesday10),
            Outcome.DENY, null, "no express consent"),
        row("implied consent from a purchase, unexpired → allowed", STANDARD,
            contact().zone(NY).in("US", "ny").lastInbound(EMAIL).implied(EMAIL, Instant.parse("2027-01-01T00:00:00Z")),
            sales(EMAIL, tuesday10), Outcome.ALLOW, null, "allowed"),
        row("implied consent expired (CASL) → denied", STANDARD,
            contact().zone(NY).in("US", "ny").lastInbound(EMAIL).implied(EMAIL, Instant.parse("2026-01-01T00:00:00Z")),
            sales(EMAIL, tuesday10), Outcome.DENY, null, "R19"),
        row("consent to texts does not cover email (consent is per channel)", STANDARD,
            contact().zone(NY).in("US", "ny").lastInbound(EMAIL).express(SMS, MARKETING), sales(EMAIL, tuesday10),
            Outcome.DENY, null, "consent"),
        row("consent for every channel covers email", STANDARD,
            contact().zone(NY).in("US", "ny").lastInbound(EMAIL).express(null, MARKETING), sales(EMAIL, tuesday10),
            Outcome.ALLOW, null, "allowed"),
        // channel escalation
        row("a sales call after a tweet with implied phone consent only → denied", STANDARD,
            contact().zone(W).in("CA", "mb").lastInbound(SOCIAL)
                .implied(PHONE, Instant.parse("2012-06-01T00:00:00Z")),
            sales(PHONE, at("2011-10-11T10:00", W)), Outcome.DENY, null, "more intrusive"),
        row("a support call after a tweet without express consent → denied", STANDARD,
            contact().zone(W).in("CA", "mb").lastInbound(SOCIAL), support(PHONE, at("2011-10-11T10:00", W)),
            Outcome.DENY, null, "more intrusive"),
        row("an email reply after an email → allowed", STANDARD,
            contact().zone(NY).in("US", "ny").lastInbound(EMAIL), support(EMAIL, tuesday10),
            Outcome.ALLOW, null, "allowed"),
        row("a social reply after an email (less intrusive) → allowed", STANDARD,
            contact().zone(NY).in("US", "ny").lastInbound(EMAIL), support(SOCIAL, tuesday10),
            Outcome.ALLOW, null, "allowed"),
        row("a support call after a tweet with express phone consent goes, even on Thanksgiving", STANDARD,
            contact().zone(W).in("CA", "mb").lastInbound(SOCIAL).express(PHONE, TRANSACTIONAL),
            support(PHONE, THANKSGIVING_11), Outcome.ALLOW, null, "allowed"),
        // suppression
        row("no marketing during an open complaint", STANDARD, emailer().openComplaint(), sales(EMAIL, tuesday10),
            Outcome.DENY, null, "complaint"),
        row("no marketing during an open conversation", STANDARD, emailer().openConversation(),
            sales(EMAIL, tuesday10), Outcome.DENY, null, "conversation"),
        row("no marketing to someone hit by an open incident", STANDARD, emailer().incident(),
            sales(EMAIL, tuesday10), Outcome.DENY, null, "INC-7"),
        row("marketing waits for the cool-down after the incident is resolved", STANDARD,
            emailer().resolvedIncident(Instant.parse("2026-06-08T12:00:00Z"), Instant.parse("2026-06-15T12:00:00Z")),
            sales(EMAIL, tuesday10), Outcome.DEFER, Instant.parse("2026-06-15T12:00:00Z"), "INC-7"),
        row("after the cool-down the resolved incident holds nothing back", STANDARD,
            emailer().resolvedIncident(Instant.parse("2026-05-01T12:00:00Z"), Instant.parse("2026-05-08T12:00:00Z")),
            sales(EMAIL, tuesday10), Outcome.ALLOW, null, "allowed"),
        row("incident notices still go", STANDARD, emailer().incident(), support(EMAIL, tuesday10),
            Outcome.ALLOW, null, "allowed"),
        row("marketing waits for the 7-day cool-down after support", STANDARD,
            emailer().lastSupport(Instant.parse("2026-06-06T15:00:00Z")), sales(EMAIL, tuesday10),
            Outcome.DEFER, Instant.parse("2026-06-13T15:00:00Z"), "support activity"),
        row("the cool-down runs after the support activity, not before it", STANDARD,
            emailer().lastSupport(Instant.parse("2026-06-12T15:00:00Z")), sales(EMAIL, tuesday10),
            Outcome.ALLOW, null, "allowed"),
        // unknown zone (fail closed for sales)
        row("unknown zone: marketing fails closed", STANDARD,
            contact().lastInbound(EMAIL).express(EMAIL, MARKETING), sales(EMAIL, tuesday10),
            Outcome.DENY, null, "unknown"),
        row("unknown zone: a transactional email goes", STANDARD, contact().lastInbound(EMAIL),
            support(EMAIL, tuesday10), Outcome.ALLOW, null, "allowed"),
        row("unknown zone: a support call goes (quiet hours hold marketing)", STANDARD,
            contact().lastInbound(PHONE), support(PHONE, tuesday10), Outcome.ALLOW, null, "allowed"),
        row("zone from the country alone (Germany) → allowed on a weekday", STANDARD,
            contact().in("DE", null).lastInbound(EMAIL).express(EMAIL, MARKETING),
            sales(EMAIL, at("2026-06-09T10:00", BERLIN)), Outcome.ALLOW, null, "allowed"),
        row("zone from the country alone: quiet hours in Berlin", STANDARD,
            contact().in("DE", null).lastInbound(PHONE).express(SMS, MARKETING),
            sales(SMS, at("2026-06-09T22:00", BERLIN)), Outcome.DEFER, at("2026-06-10T08:00", BERLIN), "quiet hours"),
        // quiet hours, multi-zone phone numbers
        row("sales text at 22:30 in New York → 08:00 next morning", STANDARD, caller(NY, "US", "ny"),
            sales(SMS, at("2026-06-09T22:30", NY)), Outcome.DEFER, at("2026-06-10T08:00", NY), "quiet hours"),
        row("no quiet hours for email by default", STANDARD, emailer(), sales(EMAIL, at("2026-06-09T23:00", NY)),
            Outcome.ALLOW, null, "allowed"),
        row("+1-208 (Boise and Los Angeles) at 07:30 Boise → 08:00 Los Angeles", STANDARD,
            contact().phoneZones("America/Boise", LA).in("US", "id").lastInbound(PHONE)
                .express(PHONE, MARKETING),
            sales(PHONE, at("2026-06-09T07:30", "America/Boise")), Outcome.DEFER, at("2026-06-09T08:00", LA),
            "quiet hours"),
        row("+1-208 at 20:30 Los Angeles (21:30 Boise) → next day 08:00 Los Angeles", STANDARD,
            contact().phoneZones("America/Boise", LA).in("US", "id").lastInbound(PHONE)
                .express(PHONE, MARKETING),
            sales(PHONE, at("2026-06-09T20:30", LA)), Outcome.DEFER, at("2026-06-10T08:00", LA), "Boise"),
        // weekends and holidays
        row("no sales calls on Saturday → Monday 09:00 Toronto (R16)", STANDARD, caller(TOR, "CA", "on"),
            sales(PHONE, at("2026-06-13T11:00", TOR)), Outcome.DEFER, at("2026-06-15T09:00", TOR), "weekend"),
        row("US Independence Day: observed Friday 3 July and actual Saturday 4 July 2026 → Monday", STANDARD,
            caller(NY, "US", "ny"), sales(PHONE, at("2026-07-03T10:00", NY)), Outcome.DEFER,
            at("2026-07-06T08:00", NY), "Independence Day"),
        row("Nova Scotia Thanksgiving is a bank holiday and counts", STANDARD,
            caller("America/Halifax", "CA", "ns"), sales(PHONE, at("2011-10-10T11:00", "America/Halifax")),
            Outcome.DEFER, at("2011-10-11T09:00", "America/Halifax"), "Thanksgiving"),
        row("Canada without a province: Thanksgiving is only in provincial calendars", STANDARD,
            caller(W, "CA", null), sales(PHONE, THANKSGIVING_11), Outcome.ALLOW, null, "allowed"),
        // legal calling windows (presets alone)
        row("R16 Canada: Saturday 09:30 → 10:00", PRESETS, caller(TOR, "CA", "on"),
            sales(PHONE, at("2026-06-13T09:30", TOR)), Outcome.DEFER, at("2026-06-13T10:00", TOR), "R16"),
        row("R16 Canada: Saturday 18:30 → Sunday 10:00", PRESETS, caller(TOR, "CA", "on"),
            sales(PHONE, at("2026-06-13T18:30", TOR)), Outcome.DEFER, at("2026-06-14T10:00", TOR), "R16"),
        row("R16 Canada: weekday 21:15 is inside 09:00–21:30", PRESETS, caller(TOR, "CA", "on"),
            sales(PHONE, at("2026-06-09T21:15", TOR)), Outcome.ALLOW, null, "allowed"),
        row("R16 Canada: weekday 21:45 → next day 09:00", PRESETS, caller(TOR, "CA", "on"),
            sales(PHONE, at("2026-06-09T21:45", TOR)), Outcome.DEFER, at("2026-06-10T09:00", TOR), "R16"),
        row("R1 US federal: 21:30 → 08:00", PRESETS, caller(NY, "US", "ny"),
            sales(PHONE, at("2026-06-09T21:30", NY)), Outcome.DEFER, at("2026-06-10T08:00", NY), "R1"),
        row("R8 Florida: 20:30 → 08:00", PRESETS, caller(NY, "US", "fl"),
            sales(PHONE, at("2026-06-09T20:30", NY)), Outcome.DEFER, at("2026-06-10T08:00", NY), "R8"),
        row("R8 Florida: a fourth call on one subject within 24 h → when the first leaves the 24 h", PRESETS,
            caller(NY, "US", "fl").attempt(PHONE, MARKETING, "ssl-cert", at("2026-06-08T12:00", NY))
                .attempt(SMS, MARKETING, "ssl-cert", at("2026-06-08T16:00", NY))
                .attempt(PHONE, MARKETING, "ssl-cert", at("2026-06-09T09:00", NY)),
            sales(PHONE, tuesday10), Outcome.DEFER, at("2026-06-09T12:00", NY), "R8"),
        row("R8 Florida: three calls on another subject do not count", PRESETS,
            caller(NY, "US", "fl").attempt(PHONE, MARKETING, "solar", at("2026-06-08T12:00", NY))
                .attempt(PHONE, MARKETING, "solar", at("2026-06-08T16:00", NY))
                .attempt(PHONE, MARKETING, "solar", at("2026-06-09T09:00", NY)),
            sales(PHONE, tuesday10), Outcome.ALLOW, null, "allowed"),
        row("R9 Oklahoma: 20:15 → 08:00", PRESETS, caller(CHI, "US", "ok"),
            sales(PHONE, at("2026-06-09T20:15", CHI)), Outcome.DEFER, at("2026-06-10T08:00", CHI), "R9"),
        row("R10 Maryland (from 2024): 20:15 → 08:00", PRESETS, caller(NY, "US", "md"),
            sales(SMS, at("2024-06-11T20:15", NY)), Outcome.DEFER, at("2024-06-12T08:00", NY), "R10"),
        row("R10 Maryland not yet in force in 2023: 20:15 is inside R1", PRESETS, caller(NY, "US", "md"),
            sales(SMS, at("2023-06-13T20:15", NY)), Outcome.ALLOW, null, "allowed"),
        row("R11 Washington: 20:15 → 08:00", PRESETS, caller(LA, "US", "wa"),
            sales(PHONE, at("2026-06-09T20:15", LA)), Outcome.DEFER, at("2026-06-10T08:00", LA), "R11"),
        row("R12 Mississippi: no Sunday calls → Monday 08:00 CST (09:00 CDT)", PRESETS, caller(CHI, "US", "ms"),
            sales(PHONE, at("2026-06-14T12:00", CHI)), Outcome.DEFER, Instant.parse("2026-06-15T14:00:00Z"),
            "R12"),
        row("R12 Mississippi: 19:30 CDT is 18:30 CST, inside", PRESETS, caller(CHI, "US", "ms"),
            sales(PHONE, at("2026-06-09T19:30", CHI)), Outcome.ALLOW, null, "allowed"),
        row("R12 Mississippi: 21:05 CDT → 08:00 CST next day", PRESETS, caller(CHI, "US", "ms"),
            sales(PHONE, at("2026-06-09T21:05", CHI)), Outcome.DEFER, Instant.parse("2026-06-10T14:00:00Z"),
            "R12"),
        row("R13 Rhode Island: Saturday 09:30 → 10:00", PRESETS, caller(NY, "US", "ri"),
            sales(PHONE, at("2026-06-13T09:30", NY)), Outcome.DEFER, at("2026-06-13T10:00", NY), "R13"),
        row("R13 Rhode Island: Saturday 17:30 → Monday 09:00 (no Sundays)", PRESETS, caller(NY, "US", "ri"),
            sales(PHONE, at("2026-06-13T17:30", NY)), Outcome.DEFER, at("2026-06-15T09:00", NY), "R13"),
        row("R13 Rhode Island: weekday 18:30 → 09:00", PRESETS, caller(NY, "US", "ri"),
            sales(PHONE, at("2026-06-09T18:30", NY)), Outcome.DEFER, at("2026-06-10T09:00", NY), "R13"),
        row("R13 Rhode Island: no calls on Columbus Day (Monday 12 October 2026)", PRESETS, caller(NY, "US", "ri"),
            sales(PHONE, at("2026-10-12T10:00", NY)), Outcome.DEFER, at("2026-10-13T09:00", NY), "Columbus Day"),
        row("R14 Alabama: no Sunday calls → Monday 08:00", PRESETS, caller(CHI, "US", "al"),
            sales(PHONE, at("2026-06-14T12:00", CHI)), Outcome.DEFER, at("2026-06-15T08:00", CHI), "R14"),
        row("R15 Louisiana: no calls on the observed and actual Independence Day, nor on Sunday → Monday 08:00",
            PRESETS, caller(CHI, "US", "la"), sales(PHONE, at("2026-07-03T10:00", CHI)), Outcome.DEFER,
            at("2026-07-06T08:00", CHI), "R15"),
        // frequency caps
        row("one marketing contact per 7 days: a text 3 days ago defers an email until the cap frees", STANDARD,
            emailer().attempt(SMS, MARKETING, "promo", Instant.parse("2026-06-06T14:00:00Z")),
            sales(EMAIL, tuesday10), Outcome.DEFER, Instant.parse("2026-06-13T14:00:00Z"), "frees at"),
        row("one marketing contact per 7 days: 8 days later is fine", STANDARD,
            emailer().attempt(SMS, MARKETING, "promo", Instant.parse("2026-06-01T14:00:00Z")),
            sales(EMAIL, tuesday10), Outcome.ALLOW, null, "allowed"),
        row("a marketing contact scheduled in 2 days counts too: 7 days after it", STANDARD,
            emailer().attempt(EMAIL, MARKETING, "promo", at("2026-06-11T10:00", NY)), sales(EMAIL, tuesday10),
            Outcome.DEFER, at("2026-06-18T10:00", NY), "cap"),
        row("caps never hold transactional contact", STANDARD,
            emailer().attempt(EMAIL, MARKETING, "a", at("2026-06-09T08:00", NY))
                .attempt(EMAIL, MARKETING, "b", at("2026-06-09T09:00", NY)),
            support(EMAIL, tuesday10), Outcome.ALLOW, null, "allowed"),
        row("at most 3 sales calls per 24 h on one subject (settings, Ontario)", NO_MARKETING_CAP,
            caller(TOR, "CA", "on").attempt(PHONE, MARKETING, "ssl-cert", at("2026-06-08T12:00", TOR))
                .attempt(PHONE, MARKETING, "ssl-cert", at("2026-06-08T16:00", TOR))
                .attempt(PHONE, MARKETING, "ssl-cert", at("2026-06-09T09:30", TOR)),
            sales(PHONE, at("2026-06-09T10:00", TOR)), Outcome.DEFER, at("2026-06-09T12:00", TOR), "one subject"),
        // deferral meets expiry; malformed; daylight saving
        row("implied consent that expires before the window opens → denied", STANDARD,
            contact().zone(NY).in("US", "ny").lastInbound(SMS).implied(SMS, at("2026-06-10T03:00", NY)),
            sales(SMS, at("2026-06-09T22:00", NY)), Outcome.DENY, null, "expired"),
        row("a request without a channel is denied, not thrown", STANDARD, emailer(),
            ask(null, MARKETING, "x", tuesday10), Outcome.DENY, null, "lacks"),
        row("a request at the end of time is denied, not thrown", STANDARD, emailer(),
            support(EMAIL, Instant.MAX), Outcome.DENY, null, "outside the years"),
        row("spring forward in New York: 01:30 EST Sunday → 08:00 EDT", NO_WEEKEND_RULE, caller(NY, "US", "ny"),
            sales(SMS, Instant.parse("2026-03-08T06:30:00Z")), Outcome.DEFER, Instant.parse("2026-03-08T12:00:00Z"),
            "quiet hours"),
        row("fall back in Berlin: the second 02:30 → 08:00 CET", NO_WEEKEND_RULE,
            contact().in("DE", null).lastInbound(PHONE).express(PHONE, MARKETING),
            sales(PHONE, Instant.parse("2026-10-25T01:30:00Z")), Outcome.DEFER,
            Instant.parse("2026-10-25T07:00:00Z"), "quiet hours"));
  }

  private static ContactPolicy policy(PolicySettings settings) {
    return POLICIES.computeIfAbsent(settings, s -> new RuleBasedContactPolicy(RuleBook.standard(s)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldDecideAsTheRulesSayWhenGivenTheCase(Case row) {
    Decision decision = policy(row.settings()).decide(row.request(), row.facts());

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(row.outcome());
    assertThat(decision.notBefore()).as(decision.summary()).isEqualTo(row.notBefore());
    assertThat(decision.summary().toLowerCase()).contains(row.word().toLowerCase());
    if (row.outcome() == Outcome.DEFER) {
      DecisionRequest later = new DecisionRequest(row.request().contactId(), row.request().channel(),
          row.request().purpose(), row.request().subject(), decision.notBefore());
      assertThat(policy(row.settings()).decide(later, row.facts()).outcome()).isEqualTo(Outcome.ALLOW);
    }
  }

  @Test
  void shouldHaveAtLeastFortyCasesWhenTheTableIsRead() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void shouldExplainTheThanksgivingDeferralInWordsWhenAskedOnTheHoliday() {
    Decision decision = policy(STANDARD).decide(sales(PHONE, THANKSGIVING_11), winnipeg().build());

    assertThat(decision.summary()).isEqualTo("Monday 10 October 2011 is Thanksgiving Day in Manitoba; "
        + "then R16 Canada (CRTC Unsolicited Telecommunications Rules) permits sales calls Mon–Fri 09:00–21:30, "
        + "Sat–Sun 10:00–18:00 local time in Manitoba; Tuesday 11 October 2011 00:00 (Winnipeg, Central time) is outside; "
        + "next permitted: Tuesday 11 October 2011 09:00 (Winnipeg, Central time)");
    assertThat(decision.votes()).extracting(v -> v.rule()).contains("opt-out", "consent", "public holiday",
        "R16 Canada (CRTC Unsolicited Telecommunications Rules)");
  }

  @Test
  void shouldNameTheSourceRowWhenAPresetDefers() {
    Decision decision = policy(PRESETS).decide(sales(PHONE, at("2026-06-13T09:30", TOR)),
        caller(TOR, "CA", "on").build());

    assertThat(decision.votes()).filteredOn(v -> v.kind() == dev.tact.policy.Vote.Kind.DEFER)
        .singleElement().satisfies(v -> assertThat(v.reason()).startsWith("R16 Canada").contains("Mon–Fri 09:00–21:30, Sat–Sun 10:00–18:00"));
  }

  @Test
  void shouldDenyWithAReasonWhenTheFactsAreMissing() {
    Decision decision = policy(STANDARD).decide(sales(EMAIL, Instant.parse("2026-06-09T14:00:00Z")), null);

    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
    assertThat(decision.summary()).contains("no facts");
  }
}
