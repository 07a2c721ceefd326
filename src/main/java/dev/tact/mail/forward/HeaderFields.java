package dev.tact.mail.forward;

import dev.tact.mail.reply.MailPatterns;
import java.util.Locale;
import java.util.Set;

/** Collects From/Date/Subject of a forward's header block from its lines, field names in several languages. */
final class HeaderFields {

  private static final Set<String> DATE_NAMES = Set.of("date", "sent", "datum", "gesendet", "envoyé", "envoyé le",
      "fecha", "enviado", "enviada", "data", "inviato", "verzonden", "skickat", "sendt", "wysłano", "отправлено",
      "дата", "lähetetty", "päivämäärä", "odesláno", "elküldve", "gönderildi", "tarih", "日期", "发送时间",
      "發送時間", "送信日時", "日時", "보낸 날짜");
  private static final Set<String> SUBJECT_NAMES = Set.of("subject", "betreff", "objet", "asunto", "oggetto",
      "onderwerp", "ämne", "emne", "temat", "тема", "aihe", "assunto", "předmět", "tárgy", "konu", "主题", "主旨",
      "件名", "제목");

  private String from = "";
  private String date = "";
  private String subject = "";
  private String last = "";
  private boolean any;

  void accept(String line) {
    int colon = indexOfColon(line);
    boolean field = colon > 0 && (MailPatterns.FROM_FIELD.matcher(line).find()
        || MailPatterns.OTHER_HEADER_FIELD.matcher(line).find());
    if (!field) {
      appendContinuation(line.strip());
      return;
    }
    any = true;
    String name = line.substring(0, colon).replace("*", "").replace("_", "").strip().toLowerCase(Locale.ROOT);
    String value = line.substring(colon + 1).replace("*", "").strip();
    if (MailPatterns.FROM_FIELD.matcher(line).find() && from.isEmpty()) {
      from = value;
      last = "from";
    } else if (DATE_NAMES.contains(name) && date.isEmpty()) {
      date = value;
      last = "date";
    } else if (SUBJECT_NAMES.contains(name) && subject.isEmpty()) {
      subject = value;
      last = "subject";
    } else {
      last = "";
    }
  }

  private void appendContinuation(String text) {
    switch (last) {
      case "from" -> from = (from + " " + text).strip();
      case "date" -> date = (date + " " + text).strip();
      case "subject" -> subject = (subject + " " + text).strip();
      default -> {
        // a continuation of a field we do not keep
      }
    }
  }

  private static int indexOfColon(String line) {
    int ascii = line.indexOf(':');
    int wide = line.indexOf('：');
    if (ascii < 0) {
      return wide;
    }
    return wide < 0 ? ascii : Math.min(ascii, wide);
  }

  boolean isEmpty() {
    return !any;
  }

  String from() {
    return from;
  }

  String date() {
    return date;
  }

  String subject() {
    return subject;
  }
}
