package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reply extraction on invented mails in the shapes real clients produce, one group per kind of miss named in issue
 * 14 (none of them is a corpus fixture): replies below the quote, headers wrapped over lines, headers without
 * "wrote", more languages, `|` quotes, app footers, invisible marks, and forwards.
 */
class ReplyShapesTests {

  private final ReplyExtractor extractor = new ReplyExtractor();

  private String visible(String body) {
    return extractor.extract(body).visible();
  }

  @Nested
  class ReplyBelowTheQuote {

    @Test
    void shouldKeepOnlyTheAnswerWhenReplyIsWrittenBelowTheQuote() {
      String body = """
          On Tue, 3 Mar 2015 at 10:00, John Smith <john@example.com> wrote:

          > Can you send the invoice again?
          > Thanks

          Sure, it is attached.

          Jane
          """;
      ReplyParts parts = extractor.extract(body);
      assertThat(parts.visible()).isEqualTo("Sure, it is attached.\n\nJane");
      assertThat(parts.quoted()).contains("John Smith", "> Can you send the invoice again?");
    }

    @Test
    void shouldKeepGreetingAndAnswerWhenTheQuoteSitsBetweenThem() {
      String body = """
          Hi John,

          On 03/03/2015 10:00, John Smith wrote:
          > Is the server back?

          Yes, since 9:30.
          """;
      assertThat(visible(body)).isEqualTo("Hi John,\n\nYes, since 9:30.");
    }

    @Test
    void shouldDropSignatureAndListFooterWhenTheyFollowABottomPostedAnswer() {
      String body = """
          Am 03.03.2015 um 10:00 schrieb Hans Meier <hans@example.com>:
          > Läuft der Export wieder?
          >
          > _______________________________________________
          > users mailing list
          > users@lists.example.org

          Ja, seit heute früh.

          --\s
          Jana
          _______________________________________________
          users mailing list
          users@lists.example.org
          """;
      assertThat(visible(body)).isEqualTo("Ja, seit heute früh.");
    }

    @Test
    void shouldKeepTheQuotesOfAPointByPointReplyAndHideOnlyTheUnansweredRest() {
      String body = """
          On Tue, 3 Mar 2015 at 10:00, John Smith <john@example.com> wrote:
          > 1. Which plan are we on?

          Premium.

          > 2. When does it renew?

          In May.

          > Thanks, John
          """;
      String visible = visible(body);
      assertThat(visible).contains("> 1. Which plan are we on?", "Premium.", "> 2. When does it renew?", "In May.")
          .doesNotContain("Thanks, John");
    }

    @Test
    void shouldKeepAnExcerptTheSenderQuotedWithoutAHeader() {
      String body = """
          > the export fails at 80 %

          It fails at 95 % here, same file.
          """;
      assertThat(visible(body)).isEqualTo(body.strip());
    }

    @Test
    void shouldShowTheQuoteWhenTheMailIsNothingButAQuote() {
      assertThat(visible("> Only this line, quoted.\n")).isEqualTo("> Only this line, quoted.");
    }
  }

  @Nested
  class HeadersOverSeveralLines {

    @ParameterizedTest
    @ValueSource(strings = {
        "On Tue, 3 Mar 2015 at 10:00, John Smith\n<john@example.com<mailto:john@example.com>>\nwrote:",
        "On Tue, 3 Mar 2015 at 10:00, John Smith <\njohn@example.com<mailto:john@example.com>\n>\nwrote:",
        "On Tuesday, March 3, 2015 10:00 AM, \"Smith, John\" <\njohn.smith@example.com> wrote:",
        "Le mar. 3 mars 2015 à 10:00, John Smith <\njohn@example.com> a écrit :",
        "John Smith <john@example.com<mailto:john@example.com>> schrieb am Di., 3. März\n2015 um 10:00 Uhr:",
        "El mar., 3 mar. 2015 a las 10:00, John Smith (<\njohn@example.com>) escribió:"})
    void shouldFindTheHeaderWhenItIsWrappedOverLines(String header) {
      String body = "Thanks, that helps.\n\n" + header + "\n\n> Old question?\n> John\n";
      ReplyParts parts = extractor.extract(body);
      assertThat(parts.visible()).isEqualTo("Thanks, that helps.");
      assertThat(parts.fragments()).anySatisfy(f -> assertThat(f.kind()).isEqualTo(Fragment.Kind.QUOTE_HEADER));
    }

    @Test
    void shouldCutOutlookHistoryWhenAddressesCarryMailtoParts() {
      String body = """
          Confirmed for Thursday.

          From: John Smith <john@example.com<mailto:john@example.com>>
          Date: Tuesday, 3 March 2015 at 10:00
          To: Jane Roe <jane@example.com<mailto:jane@example.com>>
          Subject: Re: Visit

          Does Thursday work?
          """;
      assertThat(visible(body)).isEqualTo("Confirmed for Thursday.");
    }
  }

  @Nested
  class HeadersWithOnlyADateAndAName {

    @ParameterizedTest
    @ValueSource(strings = {
        "On Tue, 3 Mar 2015 at 10:00, John Smith <john@example.com>",
        "On Tue, 3 Mar 2015 at 10:00, John Smith",
        "On 03/03/2015 10:00, John Smith:",
        "03.03.2015 10:00, John Smith:",
        "Tue, 3 Mar 2015 10:00:00 +0100, John Smith <john@example.com>:",
        "вт, 3 мар. 2015 г. в 10:00, Иван Петров <ivan@example.com>:",
        "3 mars 2015 10:00, \"Jean Dupont\" <jean@example.com>:"})
    void shouldHideQuotedHistoryUnderADateAndANameHeader(String header) {
      String body = "Done, thanks.\n\n" + header + "\n> Could you close the ticket?\n";
      assertThat(visible(body)).isEqualTo("Done, thanks.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"On 03/03/2015 10:00, John Smith:", "2015-03-03 10:00 GMT+01:00 John Smith <john@example.com>:"})
    void shouldCutUnquotedHistoryUnderADateAndANameHeader(String header) {
      String body = "Done, thanks.\n\n" + header + "\n\nCould you close the ticket?\n";
      assertThat(visible(body)).isEqualTo("Done, thanks.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Summary of the call.\n\nOn 3 May at 10:00 we agreed on the following:\n\n- ship on Monday\n- invoice in June",
        "Looking back.\n\n2015 was a good year, Mark:\n\nwe doubled the customers.",
        "Timeline:\n\n03.03.2015 10:00, Deployment:\n\nall servers updated."})
    void shouldKeepSentencesThatOnlyLookLikeADateAndANameHeader(String body) {
      assertThat(visible(body)).isEqualTo(body);
    }
  }

  @Nested
  class MoreLanguages {

    @ParameterizedTest
    @ValueSource(strings = {
        "W dniu 3.03.2015 o 10:00, Jan Kowalski pisze:",
        "wt., 3 mar 2015 o 10:00 Jan Kowalski <jan@example.com> napisał(a):",
        "út 3. 3. 2015 v 10:00 odesílatel Jan Novák <jan@example.com> napsal:",
        "ut 3. 3. 2015 o 10:00 Ján Novák <jan@example.com> napísal(a):",
        "tis 3 mars 2015 kl 10:00 skrev Sven Svensson <sven@example.com>:",
        "tir. 3. mar. 2015 kl. 10.00 skrev Lars Hansen <lars@example.com>:",
        "Den 3. mars 2015 kl. 10:00 skrev Ola Nordmann <ola@example.com>:",
        "ti 3. maalisk. 2015 klo 10.00 Matti Meikäläinen (matti@example.com) kirjoitti:",
        "John Smith <john@example.com>, 3 Mar 2015 Sal, 10:00 tarihinde şunu yazdı:",
        "вт, 3 мар. 2015 г. в 10:00, Иван Петров <ivan@example.com> написал(а):",
        "вт, 3 бер. 2015 о 10:00 Іван Петренко <ivan@example.com> пише:",
        "вт, 3.03.2015 г. в 10:00 ч. Иван Иванов <ivan@example.com> написа:",
        "2015年3月3日(火) 10:00 山田太郎 <taro@example.com>:",
        "2015/03/03 10:00、山田太郎 <taro@example.com>のメール:",
        "在 2015年3月3日，上午10:00，张伟 <wei@example.com> 写道：",
        "张伟 <wei@example.com> 于2015年3月3日周二 上午10:00写道：",
        "2015년 3월 3일 (화) 오전 10:00, 김철수 <kim@example.com>님이 작성:",
        "2015. 3. 3. 오전 10:00, 김철수 <kim@example.com> 작성:",
        "John Smith <john@example.com> ezt írta (időpont: 2015. márc. 3., K, 10:00):",
        "2015.03.03. 10:00 keltezéssel, Kovács János írta:",
        "În mar., 3 mar. 2015 la 10:00, Ion Popescu <ion@example.com> a scris:",
        "Στις Τρί, 3 Μαρ 2015 στις 10:00, ο/η Γιώργος Παπαδόπουλος <giorgos@example.com> έγραψε:",
        "ב-3 במרץ 2015, בשעה 10:00, \u200Fדוד כהן \u200F<david@example.com> כתב/ה:",
        "في الثلاثاء، 3 مارس 2015 10:00 ص أحمد علي <ahmed@example.com> كتب:",
        "uto, 3. ožu 2015. u 10:00 Ivan Horvat <ivan@example.com> napisao je:",
        "tor., 3. mar. 2015 ob 10:00 je oseba Janez Novak <janez@example.com> napisala:",
        "Vào Th 3, 3 thg 3, 2015 vào lúc 10:00 Nguyễn Văn An <an@example.com> đã viết:",
        "Pada tanggal Sel, 3 Mar 2015 pukul 10.00 Budi Santoso <budi@example.com> menulis:",
        "El dt., 3 de març 2015 a les 10:00, Jordi Puig <jordi@example.com> va escriure:",
        "2015-03-03, an, 10:00, Jonas Jonaitis <jonas@example.com> rašė:",
        "T, 3. märts 2015 kell 10:00 Mari Maasikas <mari@example.com> kirjutas:",
        "เมื่อ อ. 3 มี.ค. 2015 เวลา 10:00 สมชาย ใจดี <somchai@example.com> เขียนว่า:",
        "Op di 3 mrt. 2015 om 10:00 schreef Jan Jansen <jan@example.com>:",
        "03.03.2015 10:00, Иван Петров пишет:",
        "2015-03-03 오전 10:00에 김철수 이(가) 쓴 글:",
        "\u202Bבתאריך יום ג׳, 3 במרץ 2015 ב-10:00 מאת \u202Aדוד כהן\u202C\u200F <\u202Adavid@example.com\u202C\u200F>:\u202C",
        "في 03/03/2015 10:00 ص، كتب أحمد علي:",
        "Quoting John Smith <john@example.com>:",
        "Zitat von Hans Meier <hans@example.com>:",
        "---- On Tue, 03 Mar 2015 10:00:00 +0100 John Smith <john@example.com> wrote ----",
        "---- Le mar., 03 mars 2015 10:00:00 +0100 Jean Dupont <jean@example.com> a écrit ----",
        "In a message dated 3/3/2015 10:00:00 A.M. Eastern Standard Time, john@example.com writes:",
        "John Smith <john@example.com> wrote on 03/03/2015 10:00:00 AM:",
        "Четверг, 3 марта 2015, 10:00 +03:00 от Иван Петров <ivan@example.com>:"})
    void shouldRecogniseTheQuoteHeaderInTheWritersLanguage(String header) {
      String body = "Bedankt, dat werkt.\n\n" + header + "\n> Old question?\n> Name\n";
      ReplyParts parts = extractor.extract(body);
      assertThat(parts.visible()).isEqualTo("Bedankt, dat werkt.");
      assertThat(parts.quoted()).contains("Old question?");
    }

    @Test
    void shouldRecogniseANameOnlyHeaderRightAboveAQuote() {
      assertThat(visible("了解しました。\n\n山田太郎 さんは書きました:\n> 明日は大丈夫ですか？\n")).isEqualTo("了解しました。");
      assertThat(visible("Ok, zrobione.\n\nJan Kowalski pisze:\n> Czy to działa?\n")).isEqualTo("Ok, zrobione.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Von: Hans Meier <hans@example.com>\nGesendet: Dienstag, 3. März 2015 10:00\nAn: Support\nBetreff: AW: Bestellung",
        "De : Jean Dupont <jean@example.com>\nEnvoyé : mardi 3 mars 2015 10:00\nÀ : Support\nObjet : RE: Commande",
        "Od: Jan Kowalski <jan@example.com>\nWysłano: wtorek, 3 marca 2015 10:00\nDo: Pomoc\nTemat: RE: Zamówienie",
        "De: Ana García <ana@example.com>\nEnviado el: martes, 3 de marzo de 2015 10:00\nPara: Soporte\nAsunto: RE: Pedido",
        "Da: Mario Rossi <mario@example.com>\nInviato: martedì 3 marzo 2015 10:00\nA: Assistenza\nOggetto: R: Ordine",
        "Van: Jan Jansen <jan@example.com>\nVerzonden: dinsdag 3 maart 2015 10:00\nAan: Support\nOnderwerp: RE: Bestelling",
        "De: João Silva <joao@example.com>\nEnviado: terça-feira, 3 de março de 2015 10:00\nPara: Suporte\nAssunto: RE: Pedido",
        "Från: Sven Svensson <sven@example.com>\nSkickat: den 3 mars 2015 10:00\nTill: Support\nÄmne: SV: Order",
        "Fra: Lars Hansen <lars@example.com>\nSendt: 3. marts 2015 10:00\nTil: Support\nEmne: SV: Ordre",
        "Lähettäjä: Matti <matti@example.com>\nLähetetty: 3. maaliskuuta 2015 10:00\nVastaanottaja: Tuki\nAihe: VS: Tilaus",
        "Od: Jan Novák <jan@example.com>\nOdesláno: 3. března 2015 10:00\nKomu: Podpora\nPředmět: RE: Objednávka",
        "Feladó: Kovács János <janos@example.com>\nElküldve: 2015. március 3. 10:00\nCímzett: Ügyfélszolgálat\nTárgy: RE: Rendelés",
        "Kimden: Ahmet Yılmaz <ahmet@example.com>\nGönderildi: 3 Mart 2015 Salı 10:00\nKime: Destek\nKonu: RE: Sipariş",
        "От: Иван Петров <ivan@example.com>\nОтправлено: 3 марта 2015 г. 10:00\nКому: Поддержка\nТема: RE: Заказ",
        "Від: Іван Петренко <ivan@example.com>\nНадіслано: 3 березня 2015 р. 10:00\nКому: Підтримка\nТема: RE: Замовлення",
        "Από: Γιώργος <giorgos@example.com>\nΑποστολή: Τρίτη, 3 Μαρτίου 2015 10:00 πμ\nΠρος: Υποστήριξη\nΘέμα: RE: Παραγγελία",
        "De la: Ion Popescu <ion@example.com>\nTrimis: marți, 3 martie 2015 10:00\nCătre: Suport\nSubiect: RE: Comandă",
        "差出人: 山田太郎 <taro@example.com>\n送信日時: 2015年3月3日 10:00\n宛先: サポート\n件名: RE: 注文",
        "发件人: 张伟 <wei@example.com>\n发送时间: 2015年3月3日 10:00\n收件人: 支持\n主题: 回复: 订单",
        "보낸 사람: 김철수 <kim@example.com>\n보낸 날짜: 2015년 3월 3일 화요일 오전 10:00\n받는 사람: 지원\n제목: RE: 주문",
        "מאת: דוד כהן <david@example.com>\nנשלח: יום שלישי 3 מרץ 2015 10:00\nאל: תמיכה\nנושא: RE: הזמנה",
        "من: أحمد علي <ahmed@example.com>\nتاريخ الإرسال: الثلاثاء، 3 مارس 2015 10:00 ص\nإلى: الدعم\nالموضوع: RE: طلب",
        "Từ: Nguyễn Văn An <an@example.com>\nĐã gửi: Thứ Ba, 3 tháng 3, 2015 10:00\nĐến: Hỗ trợ\nChủ đề: RE: Đơn hàng",
        "Dari: Budi <budi@example.com>\nDikirim: Selasa, 03 Maret 2015 10.00\nKepada: Dukungan\nPerihal: RE: Pesanan",
        "From: John Smith <john@example.com>\n\nSent: Tuesday, March 3, 2015 10:00 AM\n\nTo: Support\n\nSubject: RE: Order"})
    void shouldCutAnOutlookHeaderBlockInTheWritersLanguage(String block) {
      String body = "Our answer.\n\n" + block + "\n\nThe old message.\nStill old.\n";
      ReplyParts parts = extractor.extract(body);
      assertThat(parts.visible()).isEqualTo("Our answer.");
      assertThat(parts.quoted()).contains("The old message.");
    }
  }

  @Nested
  class Separators {

    @ParameterizedTest
    @ValueSource(strings = {
        "\u2010\u2010\u2010\u2010\u2010\u2010\u2010 Original Message \u2010\u2010\u2010\u2010\u2010\u2010\u2010\n"
            + "On Tuesday, March 3, 2015 10:00 AM, John Smith <john@example.com> wrote:",
        "-------- Original message --------\nFrom: John Smith <john@example.com>\nDate: 03/03/2015 10:00 (GMT+01:00)\n"
            + "To: Support <help@example.com>\nSubject: Order",
        "-------- Původní zpráva --------\nOd: Jan Novák <jan@example.com>\nDatum: 03.03.2015 10:00\nKomu: Podpora",
        ">>> John Smith <john@example.com> 3/3/2015 10:00 AM >>>"})
    void shouldCutHistoryUnderTheSeparatorsOfOtherClients(String separator) {
      String body = "Thanks, received.\n\n" + separator + "\n\nThe old message.\n";
      assertThat(visible(body)).isEqualTo("Thanks, received.");
    }

    @Test
    void shouldHideAContactCardAtTheEndAsASignature() {
      ReplyParts card = extractor.extract("The replacement arrived, thanks.\n\nMaria Lopez\nmaria@example.com\n"
          + "+34 612 345 678\nwww.example.com\n");
      assertThat(card.visible()).isEqualTo("The replacement arrived, thanks.");
      assertThat(card.signature()).startsWith("Maria Lopez");
      assertThat(visible("Works now.\n\n--------\n\nACME Hosting\n\nt. 555-931-0702\n\nhttps://acme.example/\n"))
          .isEqualTo("Works now.");
    }

    @Test
    void shouldKeepContactDetailsTheCustomerAsksUsToUse() {
      String body = "Please call me back on +1 204 555 0100 or write to pat@example.com, whichever is easier for you.";
      assertThat(visible(body)).isEqualTo(body);
    }

    @Test
    void shouldHideADashAndNameSignOffUnderTheReply() {
      assertThat(visible("Works now.\n\n-Abhishek Kona\n")).isEqualTo("Works now.");
      assertThat(visible("Shopping list:\n-Milk\n- bread\n")).isEqualTo("Shopping list:\n-Milk\n- bread");
    }
  }

  @Nested
  class BarQuotes {

    @Test
    void shouldHideBarQuotedHistory() {
      String body = "Agreed.\n\nJohn Smith <john@example.com> wrote:\n| Shall we move the call to 3 pm?\n| John\n";
      assertThat(visible(body)).isEqualTo("Agreed.");
    }

    @Test
    void shouldHideABottomPostedBarQuote() {
      String body = "On 03/03/2015 10:00, John Smith wrote:\n| Shall we move the call?\n\nYes, 3 pm is fine.\n";
      assertThat(visible(body)).isEqualTo("Yes, 3 pm is fine.");
    }

    @Test
    void shouldKeepATextTableThatUsesBars() {
      String body = "Here are the numbers:\n\n| month | orders |\n|-------|--------|\n| May   | 12     |\n";
      assertThat(visible(body)).isEqualTo(body.strip());
    }
  }

  @Nested
  class AppFooters {

    @ParameterizedTest
    @ValueSource(strings = {
        "Sent from my iPhone", "Sent from my iPad", "Sent from my Samsung Galaxy smartphone.",
        "Sent from my Verizon, Samsung Galaxy smartphone", "Sent from my Huawei phone", "Sent from my Android device",
        "Sent via the Samsung Galaxy S7, an AT&T 4G LTE smartphone", "Sent from Outlook for Android",
        "Get Outlook for iOS", "Get Outlook for Android<https://aka.ms/ghei36>", "Get [Outlook for iOS](https://aka.ms/o0ukef)",
        "Sent from Yahoo Mail on Android", "Sent from Mail for Windows 10", "Sent with ProtonMail Secure Email.",
        "Sent from Proton Mail mobile", "Sent with Spark", "Sent from BlueMail", "Sent from my iPhone using Tapatalk",
        "Sent from my phone, please excuse typos.", "Sent from my mobile device. Please excuse brevity.",
        "(Sent from my phone)", "Sent from AOL Mobile Mail", "Envoyé de mon iPhone", "Envoyé depuis mon mobile",
        "Obtenir Outlook pour iOS", "Von meinem iPhone gesendet", "Gesendet von meinem iPad",
        "Von meinem Samsung Galaxy Smartphone gesendet.", "Gesendet von Mail für Windows 10",
        "Diese Nachricht wurde von meinem Android-Mobiltelefon mit GMX Mail gesendet.",
        "Enviado desde mi iPhone", "Enviado desde mi smartphone Samsung Galaxy.", "Obtener Outlook para iOS",
        "Enviado do meu iPhone", "Obter o Outlook para Android", "Inviato da iPhone", "Inviato dal mio dispositivo Huawei",
        "Verzonden vanaf mijn iPhone", "Verstuurd vanaf mijn iPad", "Skickat från min iPhone", "Sendt fra min iPhone",
        "Lähetetty iPhonesta", "Wysłane z mojego iPhone'a", "Odesláno z mého iPhonu", "Odoslané z môjho iPhonu",
        "Отправлено с моего iPhone", "Отправлено с iPhone", "Надіслано з iPhone", "iPhone'umdan gönderildi",
        "Az iPhone-omról küldve", "Trimis de pe iPhone-ul meu", "Εστάλη από το iPhone μου", "נשלח מה-iPhone שלי",
        "أرسلت من الـ iPhone", "iPhoneから送信", "从我的iPhone发送", "發自我的 iPhone", "나의 iPhone에서 보냄",
        "Poslano s mog iPhonea"})
    void shouldRemoveTheFooterOfAnyAppWhenItEndsTheReply(String footer) {
      ReplyParts parts = extractor.extract("Yes, that works for us.\n\n" + footer + "\n");
      assertThat(parts.visible()).isEqualTo("Yes, that works for us.");
      assertThat(parts.signature()).isEqualTo(footer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sent from my iPhone", "Sent with Spark", "Von meinem iPhone gesendet",
        "Get Outlook for Android"})
    void shouldEndTheReplyAtAFooterThatHistoryFollows(String footer) {
      String body = "Yes.\n\n" + footer + "\n\n________________________________\nFrom: Support <help@example.com>\n"
          + "Sent: Tuesday, March 3, 2015 10:00 AM\nTo: Jane\nSubject: Your order\n\nOld text\n";
      assertThat(visible(body)).isEqualTo("Yes.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sent from my desk, is much easier than my mobile phone.",
        "Sent by courier yesterday, it should arrive on Monday.",
        "The parcel was\nsent via DHL on Monday\nand should arrive soon.",
        "Sent the invoice yesterday."})
    void shouldKeepSentencesThatOnlyStartLikeAFooter(String text) {
      String body = "Hello,\n\n" + text + "\n\nThanks";
      assertThat(visible(body)).isEqualTo(body);
    }
  }

  @Nested
  class InvisibleMarks {

    @Test
    void shouldTrimZeroWidthAndNoBreakSpacesAfterTheReply() {
      assertThat(visible("Thanks, that works.\u200B\n\u00A0\n\u200B\n")).isEqualTo("Thanks, that works.");
      assertThat(visible("\uFEFFHello\u00AD \u2060\n\u200E\n")).isEqualTo("Hello");
    }

    @Test
    void shouldFindHeadersAndDelimitersThatCarryInvisibleMarks() {
      assertThat(visible("Ok.\u200B\n\u00A0\n\u200FOn Tue, 3 Mar 2015 at 10:00, John Smith <john@example.com>"
          + " wrote:\u200E\n> old\n")).isEqualTo("Ok.");
      assertThat(visible("See you.\n\n--\u00A0\nJane Roe\nACME")).isEqualTo("See you.");
      assertThat(visible("See you.\n\nSent\u00A0from\u00A0my\u00A0iPhone\u200B\n")).isEqualTo("See you.");
      assertThat(visible("Fine.\n\n>\u00A0old\n>\u00A0text\n")).isEqualTo("Fine.");
    }

    @Test
    void shouldDropTrailingSpacesOfEachLineWhenShowingTheReply() {
      assertThat(visible("Line one   \nLine two\u00A0\n\nLast line \n")).isEqualTo("Line one\nLine two\n\nLast line");
    }
  }

  @Nested
  class HtmlClients {

    private static final String OLD = "<p>Hello! How are you doing these days?</p>";

    @ParameterizedTest
    @ValueSource(strings = {
        // Gmail
        "<div dir=\"ltr\">Hi. I am fine.<br><br>Thanks,<br>Alex</div><br><div class=\"gmail_quote\"><div dir=\"ltr\""
            + " class=\"gmail_attr\">On Tue, Mar 3, 2015 at 10:00 AM Bob &lt;bob@example.com&gt; wrote:<br></div>"
            + "<blockquote class=\"gmail_quote\" style=\"margin:0 0 0 .8ex\">" + OLD + "</blockquote></div>",
        // Hotmail / Outlook.com
        "<div>Hi. I am fine.<br><br>Thanks,<br>Alex</div><div><hr id=\"stopSpelling\">Date: Tue, 3 Mar 2015 10:00:00"
            + " +0100<br>From: bob@example.com<br>To: alex@example.com<br>Subject: Hello<br><br>" + OLD + "</div>",
        // Yandex
        "<div>Hi. I am fine.</div><div>&nbsp;</div><div>Thanks,</div><div>Alex</div><div>&nbsp;</div>"
            + "<div>03.03.2015, 10:00, \"Bob\" &lt;bob@example.com&gt;:</div><blockquote>" + OLD + "</blockquote>",
        // Outlook for Mac
        "<div>Hi. I am fine.<br><br>Thanks,<br>Alex</div><span id=\"OLK_SRC_BODY_SECTION\"><div style=\"border-top:"
            + " solid #B5C4DF 1.0pt\"><b>From: </b>Bob &lt;bob@example.com&gt;<br><b>Date: </b>Tuesday, 3 March 2015"
            + " at 10:00<br><b>To: </b>Alex &lt;alex@example.com&gt;<br><b>Subject: </b>Hello<br></div><div><br>"
            + "</div>" + OLD + "</span>",
        // Outlook on the web
        "<div>Hi. I am fine.<br><br>Thanks,<br>Alex</div><hr style=\"display:inline-block;width:98%\">"
            + "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> Bob &lt;bob@example.com&gt;"
            + "<br><b>Sent:</b> Tuesday, March 3, 2015 10:00 AM<br><b>To:</b> Alex<br><b>Subject:</b> Hello</font>"
            + "<div>&nbsp;</div></div>" + OLD,
        // Thunderbird
        "<p>Hi. I am fine.</p><p>Thanks,<br>Alex</p><div class=\"moz-cite-prefix\">On 03/03/2015 10:00, Bob wrote:"
            + "<br></div><blockquote type=\"cite\">" + OLD + "</blockquote>",
        // Apple Mail
        "<div>Hi. I am fine.</div><div><br></div><div>Thanks,</div><div>Alex</div><div><br><blockquote type=\"cite\">"
            + "<div>On 3 Mar 2015, at 10:00, Bob &lt;bob@example.com&gt; wrote:</div><br><div>" + OLD + "</div>"
            + "</blockquote></div>",
        // Yahoo Mail
        "<div>Hi. I am fine.</div><div><br></div><div>Thanks,<br>Alex</div><div class=\"yahoo_quoted\"><div>"
            + "On Tuesday, March 3, 2015 10:00 AM, Bob &lt;bob@example.com&gt; wrote:</div><div><br></div>"
            + "<blockquote>" + OLD + "</blockquote></div>"})
    void shouldKeepOnlyTheNewPartOfAnHtmlReply(String html) {
      ReplyParts parts = extractor.extractHtml(html);
      assertThat(parts.visible().replaceAll("\\s+", "")).isEqualTo("Hi.Iamfine.Thanks,Alex");
      assertThat(parts.visibleHtml()).contains("Alex").doesNotContain("How are you");
    }

    @Test
    void shouldKeepTheAnswerOfABottomPostedHtmlReply() {
      String html = "<div class=\"moz-cite-prefix\">On 03/03/2015 10:00, Bob wrote:<br></div><blockquote type=\"cite\">"
          + OLD + "</blockquote><p>Very well, thank you.</p>";
      ReplyParts parts = extractor.extractHtml(html);
      assertThat(parts.visible()).isEqualTo("Very well, thank you.");
    }
  }

  @Nested
  class Forwards {

    private final ForwardDetector forwards = new ForwardDetector();

    @Test
    void shouldReadAForwardWhoseFieldsAreSeparatedByBlankLines() {
      String body = """
          Begin forwarded message:

          From: John Smith <john@example.com>

          Subject: Invoice 2041

          Date: 3 March 2015 at 10:00:00 CET

          To: Jane Roe <jane@example.com>

          Please find the invoice attached.
          """;
      Optional<ForwardedMessage> found = forwards.detect("Fwd: Invoice 2041", body);
      assertThat(found).isPresent();
      assertThat(found.get().fromAddress()).isEqualTo("john@example.com");
      assertThat(found.get().subject()).isEqualTo("Invoice 2041");
      assertThat(found.get().text()).isEqualTo("Please find the invoice attached.");
      assertThat(visible(body)).isEqualTo("Please find the invoice attached.");
    }

    @Test
    void shouldSplitAForwardedReplyAtTheForwardNotAtTheReplyInsideIt() {
      String body = """
          FYI, see below.

          ---------- Forwarded message ---------
          From: Carla Customer <carla@example.com>
          Date: Tue, 3 Mar 2015 at 10:00
          Subject: Re: Order 77
          To: Sales <sales@example.com>

          I still have no answer.

          On Mon, 2 Mar 2015 at 09:00, Support <support@example.com> wrote:
          > We will look into it.
          """;
      Optional<ForwardedMessage> found = forwards.detect("Fwd: Re: Order 77", body);
      assertThat(found).isPresent();
      assertThat(found.get().fromAddress()).isEqualTo("carla@example.com");
      assertThat(found.get().comment()).isEqualTo("FYI, see below.");
      assertThat(found.get().text()).startsWith("I still have no answer.");
      assertThat(visible(body)).isEqualTo("FYI, see below.");
    }

    @Test
    void shouldSplitAtTheMarkerWhenTheCommentMentionsFromInASentence() {
      String body = "Forwarding this. It came From: the web form, not by mail.\n\n"
          + "-------- Forwarded Message --------\nSubject: Help\nDate: Tue, 3 Mar 2015 10:00:00 +0100\n"
          + "From: Carla <carla@example.com>\nTo: help@example.com\n\nMy account is locked.\n";
      Optional<ForwardedMessage> found = forwards.detect("Fwd: Help", body);
      assertThat(found).isPresent();
      assertThat(found.get().fromAddress()).isEqualTo("carla@example.com");
      assertThat(found.get().comment()).isEqualTo("Forwarding this. It came From: the web form, not by mail.");
      assertThat(found.get().text()).isEqualTo("My account is locked.");
    }

    @Test
    void shouldReadAForwardInAnotherLanguage() {
      String body = "Zur Info.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Carla <carla@example.com>\n"
          + "Datum: Di., 3. März 2015 um 10:00 Uhr\nBetreff: Rechnung\nAn: <info@example.com>\n\nBitte prüfen.\n";
      Optional<ForwardedMessage> found = forwards.detect("WG: Rechnung", body);
      assertThat(found).isPresent();
      assertThat(found.get().fromAddress()).isEqualTo("carla@example.com");
      assertThat(found.get().subject()).isEqualTo("Rechnung");
      assertThat(visible(body)).isEqualTo("Zur Info.");
    }
  }
}
