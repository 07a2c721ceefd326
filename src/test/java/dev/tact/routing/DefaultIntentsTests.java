package dev.tact.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    assertThat(DefaultIntents.intents()).containsExactly("presales", "technical", "billing", "account", "complaint",
        "vendor_pitch", "spam");
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
}
