package dev.tact.policy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.policy.ledger.OptOutClassifier.Verdict;
import dev.tact.shared.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptOutClassifierTests {

  private final OptOutClassifier classifier = new OptOutClassifier();

  @ParameterizedTest(name = "[{index}] {0} by {1} → {2}")
  @CsvSource(delimiter = '|', nullValues = "ALL", textBlock = """
      STOP                                                      | SMS        | SMS
      Stop.                                                     | SMS        | SMS
      stop please                                               | SMS        | SMS
      STOPALL                                                   | SMS        | SMS
      unsubscribe                                               | EMAIL      | EMAIL
      Unsubscribe                                               | SMS        | SMS
      CANCEL                                                    | SMS        | SMS
      Please don't call me again                                | SMS        | PHONE
      Please don’t call me again.                               | EMAIL      | PHONE
      Do not call me ever again, I said no.                     | EMAIL      | PHONE
      Stop calling me!                                          | SOCIAL     | PHONE
      Could you please stop calling my cell                     | EMAIL      | PHONE
      No more sales calls please                                | EMAIL      | PHONE
      Take me off your call list                                | EMAIL      | PHONE
      Stop texting me                                           | SMS        | SMS
      stop sending me texts                                     | EMAIL      | SMS
      Please unsubscribe me from this newsletter                | EMAIL      | EMAIL
      I want to unsubscribe                                     | EMAIL      | EMAIL
      Remove me from your mailing list                          | EMAIL      | EMAIL
      Stop emailing me                                          | CHAT       | EMAIL
      Do not contact me again                                   | EMAIL      | ALL
      Leave me alone.                                           | SOCIAL     | ALL
      Please stop sending me these                              | EMAIL      | ALL
      Remove me from your database                              | CHAT       | ALL
      I'd like to opt out                                       | EMAIL      | ALL
      Not interested                                            | EMAIL      | ALL
      No thanks, I'm not interested in your offer.              | EMAIL      | ALL
      Ne m'appelez plus                                         | EMAIL      | PHONE
      Merci de ne plus me contacter                             | EMAIL      | ALL
      Bitte rufen Sie mich nicht mehr an                        | EMAIL      | PHONE
      Kontaktieren Sie mich bitte nicht mehr                    | EMAIL      | ALL
      No me llamen más                                          | SMS        | PHONE
      Quiero darme de baja                                      | EMAIL      | ALL
      Non chiamatemi più                                        | EMAIL      | PHONE
      Bel me niet meer                                          | EMAIL      | PHONE
      Stop spamming me                                          | EMAIL      | ALL
      Please don't call me on Saturdays                         | EMAIL      | PHONE
      Take me off all your lists please                         | EMAIL      | ALL
      Merci de ne plus m'appeler                                | EMAIL      | PHONE
      Ich möchte mich abmelden                                  | EMAIL      | EMAIL
      Stuur me geen e-mails meer                                | SMS        | SMS
      """)
  void shouldRecordClearOptOutsOnTheChannelTheyName(String text, Channel cameOn, Channel expected) {
    OptOutClassifier.Signal signal = classifier.classify(text, cameOn);
    assertThat(signal.verdict()).as(text).isEqualTo(Verdict.CLEAR);
    assertThat(signal.channel()).as(text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      stop it                                                                   | SMS
      Please, enough                                                            | CHAT
      cancel                                                                    | EMAIL
      The unsubscribe link in your newsletter is broken                         | EMAIL
      Why did you stop calling me? I was waiting for the engineer.              | EMAIL
      I'm not interested in the upgrade, but my login is broken since Monday, can you help? | EMAIL
      How do I opt out of the beta program?                                     | CHAT
      can you text marissa and tell them to stop calling me                     | SMS
      """)
  void shouldFlagUnclearWordingForAnAgent(String text, Channel cameOn) {
    assertThat(classifier.classify(text, cameOn).verdict()).as(text).isEqualTo(Verdict.UNCLEAR);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      I can't stop the error from appearing when I log in                 | EMAIL
      The service stops every night at 2am, please call me tomorrow       | EMAIL
      Please call me back at 14:00                                        | SMS
      Can you email me the invoice?                                       | CHAT
      Don't worry, I will wait for your call                              | EMAIL
      The stop button does nothing                                        | CHAT
      I'm interested in the premium plan, please contact me              | EMAIL
      Thanks, that fixed it!                                              | SOCIAL
      Where is the end of the cancellation period?                        | EMAIL
      ''                                                                  | EMAIL
      Don't call me back, I will call you once I'm home                   | EMAIL
      Looks like spam to me                                               | EMAIL
      Your emails keep ending up in spam                                  | EMAIL
      Is this spam? It says it comes from your bank                        | EMAIL
      please stop calling me dave, my name's bob                          | CHAT
      don't call me bill anymore - call me bob                            | CHAT
      cancel order 732201349959                                           | EMAIL
      stop the transaction                                                | CHAT
      please cancel my reservation                                        | EMAIL
      whisper mode, stop                                                  | CHAT
      """)
  void shouldIgnoreOrdinaryMessagesThatMentionTheSameWords(String text, Channel cameOn) {
    assertThat(classifier.classify(text, cameOn).verdict()).as(text).isEqualTo(Verdict.NONE);
  }

  @Test
  void shouldReadAClearOptOutFollowedByALongRunOfCarriageReturns() {
    // the line-break clean-up once read such a run to its end from each of its positions (seconds)
    String text = "Please stop calling me" + "\r".repeat(19_000) + "Jane";
    OptOutClassifier.Signal signal = classifier.classify(text, Channel.PHONE);
    assertThat(signal.verdict()).isEqualTo(Verdict.CLEAR);
    assertThat(signal.channel()).isEqualTo(Channel.PHONE);
  }
}
