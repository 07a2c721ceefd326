package dev.tact.noise.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTests {

  private final TextNormaliser normaliser = new TextNormaliser();

  @Test
  void shouldApplyNfkcLowerCaseAndCollapseWhitespaceWhenTextIsWrapped() {
    assertThat(normaliser.normalise("Ｐｌｅａｓｅ  CALL\r\nme\tback\u200B ﬁrst"))
        .isEqualTo("please call me back first");
    assertThat(normaliser.normalise("one two three four\nfive six")).isEqualTo(normaliser.normalise(
        "one two\nthree four five\n\n six"));
  }

  @Test
  void shouldRemoveLeadingSalutationsInSeveralLanguages() {
    String body = "Our new catalogue is out.\nHave a look.";
    for (String salutation : new String[] {"Hi Anna,", "Dear all,", "Hello team!", "Dear Sir or Madam,",
        "Hallo zusammen,", "Sehr geehrte Damen und Herren,", "Bonjour,", "Hola María,", "Good morning,"}) {
      assertThat(normaliser.normalise(salutation + "\n\n" + body)).as(salutation)
          .isEqualTo("our new catalogue is out. have a look.");
    }
    assertThat(normaliser.normalise("Hi Anna, our new catalogue is out.")).isEqualTo("our new catalogue is out.");
  }

  @Test
  void shouldKeepAGreetingThatIsTheWholeMessage() {
    assertThat(normaliser.normalise("Hello!")).isEqualTo("hello!");
    assertThat(normaliser.normalise("Thanks!")).isEqualTo("thanks!");
  }

  @Test
  void shouldRemoveSignOffAndSignatureBlock() {
    String body = "Please send me the invoice for October.";
    for (String signature : new String[] {"Best regards,\nTom Miller\nSales\n+44 20 7946 0000",
        "Thanks,\nTom", "-- \nTom Miller | ACME\nwww.acme.example", "Mit freundlichen Grüßen\nTom",
        "Cordialement,\nTom", "Sent from my iPhone", "Kind regards\nTom"}) {
      assertThat(normaliser.normalise(body + "\n\n" + signature)).as(signature)
          .isEqualTo("please send me the invoice for october.");
    }
  }

  @Test
  void shouldRemoveQuotedLinesAndReplyHistory() {
    assertThat(normaliser.normalise("Yes, that works.\n\nOn Mon, 23 Nov 2026 at 10:15, Anna <a@b.example> wrote:\n"
        + "> Does Tuesday work?\n> Anna")).isEqualTo("yes, that works.");
    assertThat(normaliser.normalise("Yes.\n> quoted\nAnd more.")).isEqualTo("yes. and more.");
    assertThat(normaliser.normalise("Fine.\n\n-----Original Message-----\nFrom: x\nhistory")).isEqualTo("fine.");
  }

  @Test
  void shouldRemoveReplyHistoryInEveryLanguageMailsReplyExtractionKnows() {
    assertThat(normaliser.normalise("Díky, funguje to.\n\nDne 3. 3. 2024 v 10:00 Jan Novák <jan@example.cz> "
        + "napsal(a):\n> Zkuste to znovu.")).isEqualTo("díky, funguje to.");
  }

  @Test
  void shouldRemoveLeftoverForwardHeaderBlocks() {
    String forwarded = "FYI\n\n---------- Forwarded message ---------\nFrom: Tom <tom@vendor.example>\n"
        + "Date: Mon, 23 Nov 2026 at 10:15\nSubject: Offer\nTo: <ceo@acme.example>\n\nOur offer for you.";
    assertThat(normaliser.normalise(forwarded)).isEqualTo("fyi our offer for you.");
    String outlook = "From: Tom <tom@vendor.example>\nSent: Monday, November 23, 2026 10:15 AM\nTo: ceo\n"
        + "Subject: Offer\n\nOur offer for you.";
    assertThat(normaliser.normalise(outlook)).isEqualTo("our offer for you.");
  }

  @Test
  void shouldReduceLinksToHostAndPathWithoutTrackingParameters() {
    assertThat(normaliser.normalise("See https://www.Vendor.example/offer/?utm_source=news&utm_medium=email"
        + "&fbclid=abc&id=7#top now")).isEqualTo("see vendor.example/offer?id=7 now");
    assertThat(normaliser.normalise("See http://vendor.example/offer?mc_cid=1&mc_eid=2&_hsenc=x&gclid=y."))
        .isEqualTo("see vendor.example/offer");
    assertThat(normaliser.normalise("See https://vendor.example/a?b=2&a=1"))
        .isEqualTo(normaliser.normalise("See https://vendor.example/a?a=1&b=2&utm_campaign=q4"));
  }

  @Test
  void shouldReturnEmptyForBlankText() {
    assertThat(normaliser.normalise(null)).isEmpty();
    assertThat(normaliser.normalise(" \n\t ")).isEmpty();
  }

  @Test
  void shouldKeepALongRunOfDotsInsideALinkAndDropTheOnesEndingIt() {
    // the trailing-punctuation pattern once read such a run to its end from each of its dots (seconds)
    String dots = ".".repeat(19_000);
    assertThat(normaliser.normalise("see https://www.example.com/a" + dots + "b" + dots + " ok"))
        .isEqualTo("see example.com/a" + dots + "b ok");
  }
}
