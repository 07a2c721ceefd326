package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyExtractorTests {

  private final ReplyExtractor extractor = new ReplyExtractor();

  @Test
  void shouldHideTrailingQuoteAndItsHeaderWhenTopPosted() {
    ReplyParts parts = extractor.extract("Sounds good.\n\nOn Mon, Jan 6, 2025 at 9:14 AM, Jane Roe <jane@x.com> wrote:\n"
        + "> Can we meet?\n> Jane\n");
    assertThat(parts.visible()).isEqualTo("Sounds good.");
    assertThat(parts.quoted()).startsWith("On Mon, Jan 6").contains("> Can we meet?");
  }

  @Test
  void shouldKeepInlineRepliesBetweenQuotesWhenAnswerFollowsQuote() {
    ReplyParts parts = extractor.extract("On 6 Jan 2025, at 09:14, Jane <jane@x.com> wrote:\n> First question?\n\n"
        + "Yes.\n\n> Second question?\n\nNo.\n\n> Bye\n");
    assertThat(parts.visible()).contains("> First question?", "Yes.", "> Second question?", "No.")
        .doesNotContain("> Bye");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Am 06.01.2025 um 09:14 schrieb Jane Roe <jane@x.com>:",
      "Le 6 janv. 2025 à 09:14, Jane Roe <jane@x.com> a écrit :",
      "El 6 ene 2025, a las 9:14, Jane Roe <jane@x.com> escribió:",
      "Il giorno 6 gen 2025, alle ore 09:14, Jane Roe <jane@x.com> ha scritto:",
      "Op 6 jan. 2025 om 09:14 heeft Jane Roe <jane@x.com> het volgende geschreven:",
      "Em 6 de jan. de 2025, às 09:14, Jane Roe <jane@x.com> escreveu:",
      "Den 6 jan. 2025 kl. 09:14 skrev Jane Roe <jane@x.com>:",
      "W dniu 6.01.2025 o 09:14, Jane Roe <jane@x.com> napisał:",
      "2025年1月6日(月) 9:14 Jane Roe <jane@x.com>:",
      "在 2025年1月6日 09:14，Jane Roe <jane@x.com> 写道：",
      "6 янв. 2025 г., в 09:14, Jane Roe <jane@x.com> написал(а):",
      "2025-01-06 9:14 GMT+01:00 Jane Roe <jane@x.com>:"})
  void shouldRecogniseQuoteHeaderWhenWrittenInAnotherLanguage(String header) {
    ReplyParts parts = extractor.extract("Danke!\n\n" + header + "\n> Hallo\n> Jane\n");
    assertThat(parts.visible()).isEqualTo("Danke!");
    assertThat(parts.quoted()).contains(header.strip());
  }

  @Test
  void shouldRecogniseQuoteHeaderWhenWrappedOverLines() {
    ReplyParts parts = extractor.extract("Thanks!\n\nOn Mon, Feb 1, 2016 at 6:32 PM, Jeff Atwood <\ninfo@x.org>\n"
        + "wrote:\n\n> Earlier text\n");
    assertThat(parts.visible()).isEqualTo("Thanks!");
    assertThat(parts.fragments()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Fragment.Kind.QUOTE_HEADER);
      assertThat(f.text()).contains("wrote:");
    });
  }

  @Test
  void shouldCutUnquotedHistoryWhenHeaderIsFollowedByPlainText() {
    ReplyParts parts = extractor.extract("Thank you very much.\n\nAm 25.06.2015 um 10:55 schrieb Test user:\n\n"
        + "This is my previous mail\n");
    assertThat(parts.visible()).isEqualTo("Thank you very much.");
    assertThat(parts.quoted()).contains("This is my previous mail");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "From: Jane Roe <jane@x.com>\nSent: Monday, January 6, 2025 9:14 AM\nTo: Bob\nSubject: RE: Offer\n",
      "*From:* Jane Roe [mailto:jane@x.com]\n*Sent:* Monday, January 6, 2025 9:14 AM\n*To:* Bob\n*Subject:* Offer\n",
      "Von: Jane Roe <jane@x.com>\nGesendet: Montag, 6. Januar 2025 09:14\nAn: Bob\nBetreff: AW: Angebot\n",
      "De : Jane Roe <jane@x.com>\nEnvoyé : lundi 6 janvier 2025 09:14\nÀ : Bob\nObjet : RE: Offre\n",
      "-----Original Message-----\nFrom: jane@x.com\nSent: Monday, January 6, 2025 9:14 AM\n",
      "-----Ursprüngliche Nachricht-----\nVon: jane@x.com\n",
      "________________________________\nFrom: Jane Roe <jane@x.com>\nSent: Monday\n",
      "---------- Forwarded message ---------\nFrom: Jane Roe <jane@x.com>\n"})
  void shouldCutOutlookStyleHistoryWhenHeaderBlockFollowsReply(String block) {
    ReplyParts parts = extractor.extract("Our answer.\n\n" + block + "\nOld text\nmore old text\n");
    assertThat(parts.visible()).isEqualTo("Our answer.");
    assertThat(parts.quoted()).contains("Old text");
  }

  @Test
  void shouldRemoveSignatureWhenDelimitedByDashDashSpace() {
    ReplyParts parts = extractor.extract("See you then.\n\n-- \nJane Roe\nACME Corp\n");
    assertThat(parts.visible()).isEqualTo("See you then.");
    assertThat(parts.signature()).isEqualTo("-- \nJane Roe\nACME Corp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Sent from my iPhone", "Sent from my BlackBerry", "Get Outlook for iOS",
      "Envoyé de mon iPhone", "Von meinem iPhone gesendet", "Enviado desde mi iPhone",
      "Sent from my Verizon Wireless BlackBerry"})
  void shouldRemoveMobileFooterWhenItEndsTheReply(String footer) {
    ReplyParts parts = extractor.extract("Yes, fine.\n\n" + footer + "\n");
    assertThat(parts.visible()).isEqualTo("Yes, fine.");
    assertThat(parts.signature()).isEqualTo(footer);
  }

  @Test
  void shouldKeepSentenceWhenItMerelyStartsLikeAMobileFooter() {
    String body = "Here is another email\n\nSent from my desk, is much easier than my mobile phone.";
    assertThat(extractor.extract(body).visible()).isEqualTo(body);
  }

  @Test
  void shouldKeepBodyLinesWhenTheyOnlyStartWithOn() {
    String body = "On Monday we ship the fix.\nOn the other hand, wrote: is just a word.\n"
        + "On 3 May we met at 10:00 and talked.\n";
    assertThat(extractor.extract(body).visible()).isEqualTo(body.strip());
  }

  @Test
  void shouldKeepBodyWhenFromAppearsInsideSentences() {
    String body = "The data comes From: our database, not From: external sources.\nThanks";
    assertThat(extractor.extract(body).visible()).isEqualTo(body);
  }

  @Test
  void shouldTreatWrappedQuoteLinesAsQuoteWhenClientDroppedThePrefix() {
    ReplyParts parts = extractor.extract("Ok.\n\nOn 8 Dec 2016, Jane <jane@x.com> wrote:\n> a long line that was\n"
        + "wrapped here\n> and continues\n");
    assertThat(parts.visible()).isEqualTo("Ok.");
  }

  @Test
  void shouldHideOnlyTheHeaderWhenTheBodyStartsWithIt() {
    ReplyParts parts = extractor.extract("On 8 May 2017 17:34, \"Andy\" <andy@x.com> wrote:\n\n    nil && 2.0\n");
    assertThat(parts.visible()).isEqualTo("    nil && 2.0");
  }

  @Test
  void shouldReturnEmptyPartsWhenBodyIsNullOrBlank() {
    assertThat(extractor.extract(null).visible()).isEmpty();
    assertThat(extractor.extract(" \n ").visible()).isEmpty();
  }

  @Test
  void shouldNormaliseLineEndingsWhenBodyUsesCrlf() {
    ReplyParts parts = extractor.extract("Hi\r\n\r\nOn Mon, Jan 6, 2025 at 9:14 AM, J <j@x.com> wrote:\r\n> old\r\n");
    assertThat(parts.visible()).isEqualTo("Hi");
  }

  @Test
  void shouldStayFastWhenQuoteIsHugeOrLinesArePathological() {
    String longQuote = "Reply\n\nOn Mon, Jan 6, 2025 at 9:14 AM, J <j@x.com> wrote:\n" + "> quoted line\n".repeat(60_000);
    String pathological = "Reply\n" + "On ".repeat(20_000) + "\n" + " ".repeat(50_000) + "wrote\n";
    assertThat(extractor.extract(longQuote).visible()).isEqualTo("Reply");
    assertThat(extractor.extract(pathological).visible()).startsWith("Reply");
  }

  @Test
  void shouldListFragmentsTopToBottomWhenReplyHasQuoteAndSignature() {
    ReplyParts parts = extractor.extract("Hello\n-- \nJane\n\nOn Mon, Jan 6, 2025 at 9:14 AM, J <j@x.com> wrote:\n"
        + "> old\n");
    assertThat(parts.fragments()).extracting(Fragment::kind).containsExactly(Fragment.Kind.TEXT,
        Fragment.Kind.SIGNATURE, Fragment.Kind.QUOTE_HEADER, Fragment.Kind.QUOTED);
    assertThat(parts.fragments()).extracting(Fragment::hidden).containsExactly(false, true, true, true);
  }

  @Test
  void shouldRemoveGmailQuoteWhenHtmlBodyHasBlockquote() {
    ReplyParts parts = extractor.extractHtml("<div dir=ltr>Hi. I am fine.<br><br>Thanks,<br>Alex</div>"
        + "<div class=gmail_quote>On Thu, Jun 26, 2014 at 2:00 PM, Bob &lt;bob@x.com&gt; wrote:<br>"
        + "<blockquote>Hello! How are you?</blockquote></div>");
    assertThat(parts.visible()).isEqualTo("Hi. I am fine.\n\nThanks,\nAlex");
    assertThat(parts.visibleHtml()).contains("Alex").doesNotContain("How are you").doesNotContain("wrote");
    assertThat(parts.quoted()).contains("How are you");
  }

  @Test
  void shouldRemoveOutlookHeaderBlockWhenHtmlBodyHasOne() {
    ReplyParts parts = extractor.extractHtml("<p>Reply</p><hr><p><b>From:</b> Bob<br><b>Sent:</b> Monday<br>"
        + "<b>To:</b> Alex<br><b>Subject:</b> Hi</p><p>Old</p>");
    assertThat(parts.visible()).isEqualTo("Reply");
    assertThat(parts.visibleHtml()).contains("Reply").doesNotContain("Old").doesNotContain("From:");
  }
}
