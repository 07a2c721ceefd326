package dev.tact.policy.rules;

import static dev.tact.policy.Purpose.MARKETING;
import static dev.tact.policy.Purpose.SURVEY;
import static dev.tact.policy.Purpose.TRANSACTIONAL;
import static dev.tact.policy.rules.Facts.ask;
import static dev.tact.policy.rules.Facts.at;
import static dev.tact.policy.rules.Facts.contact;
import static dev.tact.shared.Channel.EMAIL;
import static dev.tact.shared.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.Decision;
import dev.tact.policy.Decision.Outcome;
import dev.tact.policy.PolicySettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 19, part 1: the survey as a purpose of its own, and the manners the policy keeps for it. */
class SurveyMannersTests {

  private static final String NY = "America/New_York";
  private static final RuleBasedContactPolicy POLICY =
      new RuleBasedContactPolicy(RuleBook.standard(PolicySettings.defaults()));
  private static final Instant SOLVED = at("2026-06-09T22:30", NY);

  private static Facts emailer() {
    return contact().zone(NY).in("US", "ny").lastInbound(EMAIL);
  }

  private static Decision survey(Facts facts, Instant at) {
    return POLICY.decide(ask(EMAIL, SURVEY, "conversation #12", at), facts.build());
  }

  @Test
  void shouldAllowASurveyToSomeoneWhoWroteByEmailEvenLateInTheEvening() {
    Decision decision = survey(emailer(), SOLVED);

    assertThat(decision.outcome()).as(decision.summary()).isEqualTo(Outcome.ALLOW);
    assertThat(decision.votes()).filteredOn(v -> v.rule().equals("survey manners")).singleElement()
        .satisfies(v -> assertThat(v.reason()).contains("no survey in the last 30 days"));
  }

  @Test
  void shouldDenyASecondSurveyWithin30DaysNamingTheFirstAndAllowItAfter() {
    Facts asked = emailer().attempt(EMAIL, SURVEY, "conversation #3", SOLVED.minus(Duration.ofDays(12)));

    Decision soon = survey(asked, SOLVED);
    Decision later = survey(asked, SOLVED.plus(Duration.ofDays(19)));

    assertThat(soon.outcome()).isEqualTo(Outcome.DENY);
    assertThat(soon.summary()).contains("they were asked for a survey on Thursday 28 May 2026")
        .contains("at most one survey per 30 days");
    assertThat(later.outcome()).as(later.summary()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldCountOnlySurveysAgainstTheSurveyCapOnAnyChannel() {
    Facts answeredAndMarketed = emailer()
        .attempt(EMAIL, TRANSACTIONAL, "conversation #12", SOLVED.minus(Duration.ofHours(1)))
        .attempt(EMAIL, MARKETING, "spring offer", SOLVED.minus(Duration.ofDays(2)));
    Facts surveyedByText = emailer().attempt(SMS, SURVEY, "conversation #2", SOLVED.minus(Duration.ofDays(29)));

    assertThat(survey(answeredAndMarketed, SOLVED).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(survey(surveyedByText, SOLVED).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void shouldDenyASurveyWhileAnOpenIncidentAffectsThemButNotAfterItIsResolved() {
    Decision during = survey(emailer().incident(), SOLVED);
    Decision after = survey(emailer().resolvedIncident(SOLVED.minus(Duration.ofHours(2)),
        SOLVED.plus(Duration.ofDays(1))), SOLVED);

    assertThat(during.outcome()).isEqualTo(Outcome.DENY);
    assertThat(during.summary()).contains("INC-7 (Web hosting unreachable) affects them and is still open");
    assertThat(after.outcome()).as(after.summary()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldDenyASurveyToSomeoneWhoOptedOutOfMarketingOrOfSurveysButNotForOneOfferOnly() {
    Decision marketingOptOut = survey(emailer().optOut(EMAIL, MARKETING, null), SOLVED);
    Decision surveyOptOut = survey(emailer().optOut(null, SURVEY, null), SOLVED);
    Decision oneOffer = survey(emailer().optOut(EMAIL, MARKETING, "spring offer"), SOLVED);
    Decision otherChannel = survey(emailer().optOut(SMS, MARKETING, null), SOLVED);

    assertThat(marketingOptOut.outcome()).isEqualTo(Outcome.DENY);
    assertThat(marketingOptOut.summary()).contains("opted out of marketing by email")
        .contains("no survey goes to someone who opted out");
    assertThat(surveyOptOut.outcome()).isEqualTo(Outcome.DENY);
    assertThat(surveyOptOut.summary()).contains("opted out of survey by any channel");
    assertThat(oneOffer.outcome()).as(oneOffer.summary()).isEqualTo(Outcome.ALLOW);
    assertThat(otherChannel.outcome()).as(otherChannel.summary()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldLeaveTransactionalContactUntouchedBySurveyManners() {
    Facts surveyedAndOptedOut = emailer().incident().optOut(null, SURVEY, null)
        .attempt(EMAIL, SURVEY, "conversation #3", SOLVED.minus(Duration.ofDays(1)));

    Decision answer = POLICY.decide(ask(EMAIL, TRANSACTIONAL, "conversation #12", SOLVED), surveyedAndOptedOut.build());

    assertThat(answer.outcome()).as(answer.summary()).isEqualTo(Outcome.ALLOW);
  }
}
