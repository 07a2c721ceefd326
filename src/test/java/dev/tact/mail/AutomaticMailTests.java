package dev.tact.mail;

import static dev.tact.mail.Mails.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.mail.AutomaticMail.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutomaticMailTests {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Auto-Submitted: auto-replied | AUTO_REPLY | Auto-Submitted: auto-replied",
      "Auto-Submitted: auto-generated | AUTO_GENERATED | Auto-Submitted: auto-generated",
      "Precedence: bulk | BULK | Precedence: bulk",
      "Precedence: junk | BULK | Precedence: junk",
      "Precedence: list | LIST | Precedence: list",
      "List-Id: Users <users.lists.example.org> | LIST | List-Id: Users <users.lists.example.org>",
      "List-Unsubscribe: <mailto:leave@example.org> | BULK | List-Unsubscribe: <mailto:leave@example.org>",
      "X-Autoreply: yes | AUTO_REPLY | X-Autoreply: yes",
      "X-Autorespond: true | AUTO_REPLY | X-Autorespond: true"})
  void shouldClassifyWhenHeaderMarksMailAsAutomatic(String header, Kind kind, String reason) {
    ParsedMail mail = parse("From: a@example.com\n" + header + "\nSubject: hi\n\nbody\n");

    assertThat(mail.automatic().kind()).isEqualTo(kind);
    assertThat(mail.automatic().isAutomatic()).isTrue();
    assertThat(mail.automatic().reasons()).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Out of Office: your question", "Automatic reply: Invoice 42", "Autoreply: hi",
      "Abwesenheitsnotiz: Rechnung", "Réponse automatique : Bonjour", "Absence", "Fuera de la oficina: hola",
      "[Auto-Reply] hello", "Risposta automatica: ciao"})
  void shouldSeeOutOfOfficeWhenSubjectSaysSo(String subject) {
    ParsedMail mail = parse("From: a@example.com\nSubject: " + subject + "\n\nI am away.\n");

    assertThat(mail.automatic().kind()).isEqualTo(Kind.OUT_OF_OFFICE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Re: Out of office tomorrow?", "Absence request for next week", "Question about autoreply",
      "Hello"})
  void shouldNotSeeOutOfOfficeWhenPersonWritesAboutIt(String subject) {
    ParsedMail mail = parse("From: a@example.com\nSubject: " + subject + "\n\nText.\n");

    assertThat(mail.automatic().kind()).isEqualTo(Kind.NONE);
    assertThat(mail.automatic().reasons()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Auto-Submitted: no", "X-Auto-Response-Suppress: All"})
  void shouldNotClassifyWhenHeaderSaysNoOrIsOnlyAHint(String header) {
    ParsedMail mail = parse("From: a@example.com\n" + header + "\nSubject: Question\n\nText.\n");

    assertThat(mail.automatic().isAutomatic()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
      "Mail delivery failed: returning message to sender", "Undeliverable: Your ticket"})
  void shouldSeeBounceWhenDaemonSendsBounceSubject(String subject) {
    ParsedMail mail = parse("From: MAILER-DAEMON@mx.example.com\nSubject: " + subject + "\n\nFailed.\n");

    assertThat(mail.automatic().kind()).isEqualTo(Kind.BOUNCE);
    assertThat(mail.deliveryReport()).isNotNull();
  }
}
