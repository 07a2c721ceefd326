package dev.tact.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed model on obvious phrasings written apart from the seeds (none of them is a seed). A seed model is a
 * starting point: it must get plain cases right, not every case; agents' re-routing teaches it the rest.
 */
class DefaultIntentsTests {

  private static final Map<String, String> HELD_OUT = Map.ofEntries(
      Map.entry("my invoice is wrong", DefaultIntents.BILLING),
      Map.entry("you charged my card two times", DefaultIntents.BILLING),
      Map.entry("what does a licence for 40 users cost?", DefaultIntents.PRESALES),
      Map.entry("can we see a demo of the product?", DefaultIntents.PRESALES),
      Map.entry("the app shows an error when I upload a photo", DefaultIntents.TECHNICAL),
      Map.entry("sync with outlook is broken", DefaultIntents.TECHNICAL),
      Map.entry("I can't log in, please reset my password", DefaultIntents.ACCOUNT),
      Map.entry("please close my account", DefaultIntents.ACCOUNT),
      Map.entry("I'm really unhappy, nobody has answered me for weeks", DefaultIntents.COMPLAINT),
      Map.entry("I want to complain about the rude agent", DefaultIntents.COMPLAINT),
      Map.entry("our agency can boost your SEO, got 15 minutes for a call?", DefaultIntents.VENDOR_PITCH),
      Map.entry("we offer developers for your projects at low rates", DefaultIntents.VENDOR_PITCH),
      Map.entry("you won a free prize, click here to claim", DefaultIntents.SPAM),
      Map.entry("verify your password at this link or your mailbox will be closed", DefaultIntents.SPAM));

  @Test
  void shouldHaveSeveralDozenSeedsForEveryDefaultIntent() {
    assertThat(DefaultIntents.intents()).containsExactly("presales", "technical", "outage", "billing", "account",
        "complaint", "vendor_pitch", "spam");
    for (String intent : DefaultIntents.intents()) {
      assertThat(DefaultIntents.examples().stream().filter(e -> e.intent().equals(intent))).hasSizeGreaterThan(24);
    }
  }

  @Test
  void shouldRouteObviousPhrasingsRightWhenTrainedOnTheSeeds() {
    IntentModel model = DefaultIntents.seedModel();
    assertThat(DefaultIntents.examples()).extracting(LabelledText::text).doesNotContainAnyElementsOf(HELD_OUT
        .keySet());
    List<String> misses = new ArrayList<>();
    HELD_OUT.forEach((text, intent) -> {
      Prediction prediction = model.predict(text);
      if (!prediction.intent().equals(intent)) {
        misses.add(text + " -> " + prediction.intent() + " (expected " + intent + ")");
      }
    });
    System.out.println("seed model misses: " + misses);
    assertThat(misses).as("at most 2 of %d obvious phrasings wrong", HELD_OUT.size()).hasSizeLessThanOrEqualTo(2);
    assertThat(model.predict("my invoice is wrong").intent()).isEqualTo(DefaultIntents.BILLING);
  }

  private static final IntentModel SEED = DefaultIntents.seedModel();

  @Test
  void shouldReadAHostUnderAttackAsAnOutageWhenTheIssuesMessageArrives() {
    Prediction prediction = SEED.predict("My host has been under attack since 9am, sites are down");
    assertThat(prediction.intent()).isEqualTo(DefaultIntents.OUTAGE);
    assertThat(prediction.confidence()).isGreaterThan(0.5);
  }

  /** Outages, downtime, errors, slowness, "can't reach", attacks: none of these is a seed phrase. */
  @ParameterizedTest
  @ValueSource(strings = {
      "none of our pages open, getting 503 everywhere",
      "is the platform down? we can't get in",
      "our online store has been unreachable for two hours",
      "DDoS on our server right now, please help",
      "the whole system is super slow for all users today",
      "we keep getting timeouts from your API since noon",
      "website not loading at all, browser says server not found",
      "all our domains stopped resolving",
      "outage? nothing works for our team",
      "the servers went dark at 3am and are still offline",
      "can't reach the control panel or any of the hosted sites",
      "massive latency and dropped connections across the network",
      "the site crashed and won't come back",
      "bad gateway errors on every request since the update",
      "our hosting is offline, customers cannot order",
      "is there an incident going on? users report errors everywhere",
      "service unavailable message on all our apps",
      "we're being hit by a flood of bot traffic and everything is down",
      "mail server unreachable since this morning, nobody gets email",
      "the app is down for everyone in our company",
      "our VPS is not responding to ping"})
  void shouldReadOutagesWrittenApartFromTheSeedsAsOutages(String text) {
    assertThat(DefaultIntents.examples()).extracting(LabelledText::text).doesNotContain(text);
    assertThat(SEED.predict(text).intent()).as(text).isEqualTo(DefaultIntents.OUTAGE);
  }

  /** A customer asking about a pitch or a message someone forwarded them is a customer, not a spammer. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Fwd: Partnership opportunity\nIs this your partner?",
      "A question\nIs this your partner?",
      "Fwd: Exclusive offer for your business\nis this legit?",
      "Got this email claiming to be from your company, is it legit?",
      "Is this company really your reseller?",
      "Someone says they are your official partner and offered us a discount, can you confirm?",
      "Did you send this invoice or is it a scam?",
      "Is this message really from you? It asks me to update my payment details"})
  void shouldNotReadACustomersQuestionAboutAForwardedPitchAsSpam(String text) {
    Prediction prediction = SEED.predict(text);
    assertThat(prediction.intent()).as(text).isNotIn(DefaultIntents.SPAM, DefaultIntents.VENDOR_PITCH);
  }

  @Test
  void shouldStillReadPlainSpamAsSpamWhenOutageAndVerificationSeedsAreIn() {
    assertThat(SEED.predict("Congratulations, you won a gift card, click the link to claim it today").intent())
        .isEqualTo(DefaultIntents.SPAM);
    assertThat(SEED.predict("we build cheap apps for companies like yours, 15 minutes for a call?").intent())
        .isEqualTo(DefaultIntents.VENDOR_PITCH);
  }

  @Test
  void shouldSendOutagesToTheTechnicalTeamByDefault() {
    RoutingProperties defaults = new RoutingProperties(true, 0.5, null, true, null, null);
    assertThat(defaults.teams()).containsEntry("outage", "Technical").containsEntry("technical", "Technical");
  }
}
