package dev.tact.mail.reply;

import java.util.regex.Pattern;

/**
 * The line patterns that mark quoted history, quote headers, signatures and forwards in a mail body, in the
 * languages and clients we know of. Every pattern is applied to a single line (or to at most three short lines
 * joined), never to the whole body, and none nests quantifiers, so matching stays linear in the input.
 */
public final class MailPatterns {

  /** Longest (joined) line a header pattern is tried on; longer lines are body text. */
  public static final int MAX_HEADER_CHARS = 600;

  /** A line of a `>` quote (also the `Name>` usenet style). */
  public static final Pattern QUOTED = Pattern.compile("^\\s{0,4}(?:>|[A-Za-z]{1,20}>(?!>)\\s)");

  /** Last words of an "On DATE, NAME wrote:" header, per language; the colon may be fullwidth. */
  public static final Pattern WROTE_ENDING = Pattern.compile(
      "(?:\\bwrote|\\bwrites|\\bschrieb|\\bgeschrieben|\\ba\\s+écrit|\\bécrit|\\bescribió|\\bescribio|\\bha\\s+scritto"
          + "|\\bscrisse|\\bschreef|\\bgeschreven|\\bescreveu|\\bskrev|\\bskrevet|\\bnapisał(?:a|\\(a\\))?"
          + "|\\bnapsal(?:a)?|\\bkirjoitti|\\bнаписал(?:а|\\(а\\))?|\\bнаписав|\\bпише|\\bírta|\\byazdı|\\bscrie"
          + "|\\bha\\s+escrit|\\bva\\s+escriure|\\bparašė|\\brakstīja|\\bkirjutas|写道|寫道|のメッセージ|は書きました"
          + "|님이\\s*작성)\\s*[:：]\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A "wrote" verb anywhere in a line, for languages that put the name after it ("Am ... schrieb Name:"). */
  public static final Pattern WROTE_WORD = Pattern.compile(
      "(?:\\b(?:wrote|schrieb|a\\s+écrit|escribió|ha\\s+scritto|scrisse|schreef|escreveu|skrev|napisał|napisała"
          + "|kirjoitti|написал|написала|írta|yazdı|scrie|napsal|ha\\s+escrit)\\b|작성|写道|寫道)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A line that opens with a date or a weekday: "2014-03-20 8:48", "Wednesday, 17 November", "tir. 18. apr.". */
  public static final Pattern DATE_FIRST = Pattern.compile("^\\s*(?:\\d|\\p{L}{2,10}[.,]?\\s+\\d)");

  /** A line ending in a colon or fullwidth colon, the shape of every "date, name:" header. */
  public static final Pattern ENDS_WITH_COLON = Pattern.compile("[:：]\\s*$");

  /** Something that looks like a date or time: 2016-10-24, 15.01.2024, 6/16/2016, 14:30, 2024年. */
  public static final Pattern DATE_OR_TIME = Pattern.compile(
      "\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}|\\d{1,2}:\\d{2}|\\d{4}年|\\b(?:19|20)\\d{2}\\b");

  /** A "-----Original Message-----" style separator (also Thunderbird's and forwarded-message ones). */
  public static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
      "^\\s*[-=_*]{2,}\\s*(?:Original Message|Original Email|Forwarded Message|Forwarded message|Forwarded e-?mail"
          + "|Ursprüngliche Nachricht|Original-Nachricht|Oprindelig besked|Oprindelig meddelelse|Originalnachricht|Weitergeleitete Nachricht|Message d'origine|Message original"
          + "|Message transféré|Mensaje original|Mensaje reenviado|Messaggio originale|Messaggio inoltrato"
          + "|Oorspronkelijk bericht|Origineel bericht|Doorgestuurd bericht|Mensagem original|Mensagem encaminhada"
          + "|Ursprungligt meddelande|Originalmeddelande|Vidarebefordrat meddelande|Opprinnelig melding"
          + "|Videresendt melding|Oprindelig meddelelse|Videresendt meddelelse|Wiadomość oryginalna"
          + "|Oryginalna wiadomość|Przekazana wiadomość|Исходное сообщение|Пересылаемое сообщение"
          + "|Původní zpráva|Přeposlaná zpráva|Alkuperäinen viesti|Välitetty viesti|Eredeti üzenet|原始邮件|原始郵件"
          + "|转发的邮件|元のメッセージ)\\s*[-=_*]{2,}\\s*:?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Forward markers that say "forward" explicitly (a forward even without a Fwd: subject). */
  public static final Pattern FORWARD_MARKER = Pattern.compile(
      "^\\s*(?:[-=_*]{2,}\\s*(?:Forwarded message|Forwarded Message|Forwarded e-?mail|Weitergeleitete Nachricht"
          + "|Message transféré|Mensaje reenviado|Messaggio inoltrato|Doorgestuurd bericht|Mensagem encaminhada"
          + "|Vidarebefordrat meddelande|Videresendt melding|Videresendt meddelelse|Przekazana wiadomość"
          + "|Пересылаемое сообщение|Přeposlaná zpráva|Välitetty viesti|转发的邮件|転送されたメッセージ)"
          + "\\s*[-=_*]{2,}\\s*:?"
          + "|Begin forwarded message\\s*:?|Début du message réexpédié\\s*:?|Anfang der weitergeleiteten Nachricht\\s*:?"
          + "|Inicio del mensaje reenviado\\s*:?|Inizio messaggio inoltrato\\s*:?|Início da mensagem reencaminhada\\s*:?"
          + "|Begin doorgestuurd bericht\\s*:?|Vidarebefordrat brev\\s*:?)\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The "From:" field of an Outlook-style header block, optionally in bold (`*From:*`). */
  public static final Pattern FROM_FIELD = Pattern.compile(
      "^\\s*[*_]{0,2}(?:From|Von|De|Da|Van|Från|Fra|Od|От|Від|Lähettäjä|Feladó|Kimden|Afzender|Remetente"
          + "|Expéditeur|Absender|Mittente|Nadawca|寄件者|发件人|發件人|差出人|보낸 사람)\\s*[*_]{0,2}\\s*[:：]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The other fields of such a block: sent, date, to, cc, subject, reply-to, in many languages. */
  public static final Pattern OTHER_HEADER_FIELD = Pattern.compile(
      "^\\s*[*_]{0,2}(?:Sent|Date|To|Cc|Bcc|Subject|Reply-To|Gesendet|Datum|An|Betreff|Kopie|Envoyé|Envoyé le"
          + "|À|A|Objet|Enviado|Enviada|Fecha|Para|Asunto|Inviato|Data|Oggetto|Risposta|Cc|Verzonden|Aan|Onderwerp"
          + "|Skickat|Till|Ämne|Sendt|Til|Emne|Wysłano|Do|Temat|DW|Отправлено|Кому|Тема|Дата|Копия|Lähetetty"
          + "|Vastaanottaja|Aihe|Päivämäärä|Assunto|Odesláno|Komu|Předmět|Elküldve|Címzett|Tárgy|Gönderildi|Kime"
          + "|Konu|Tarih|Sujet|Copie à|Message du|发送时间|發送時間|收件人|主题|主旨|日期|送信日時|宛先|件名|日時|보낸 날짜|받는 사람|제목)"
          + "\\s*[*_]{0,2}\\s*[:：]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A separator line that Outlook and others put above a header block. */
  public static final Pattern SEPARATOR_LINE = Pattern.compile("^\\s*(?:_{5,}|-{5,}|={4,}|—{3,})\\s*$");

  /** A signature delimiter on its own line: "-- ", "--", "__", an em dash. */
  public static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^(?:--|_{2,}|-- ?)\\s*$");

  /** A mobile client's footer ("Sent from my iPhone", "Envoyé de mon iPhone", "Get Outlook for iOS", ...). */
  public static final Pattern MOBILE_FOOTER = Pattern.compile(
      "^\\s*(?:Sent from my\\s+\\S+(?:\\s+\\S+){0,4}|Sent from (?:Mail|Outlook|Yahoo Mail|Samsung Mobile|mobile|my mobile)"
          + "(?:\\s+\\S+){0,5}|Sent via\\s+\\S+(?:\\s+\\S+){0,4}|Sent using\\s+\\S+(?:\\s+\\S+){0,3}"
          + "|Get Outlook for (?:iOS|Android)|Envoyé de mon\\s+\\S+(?:\\s+\\S+){0,3}|Envoyé depuis\\s+\\S+(?:\\s+\\S+){0,3}"
          + "|Von meinem\\s+\\S+(?:\\s+\\S+){0,3}\\s+gesendet|Gesendet (?:von|vom|mit) (?:meinem\\s+)?\\S+(?:\\s+\\S+){0,3}"
          + "|Enviado desde mi\\s+\\S+(?:\\s+\\S+){0,3}|Enviado do meu\\s+\\S+(?:\\s+\\S+){0,3}"
          + "|Inviato da(?:l mio)?\\s+\\S+(?:\\s+\\S+){0,3}|Verzonden (?:vanaf|met) mijn\\s+\\S+(?:\\s+\\S+){0,3}"
          + "|Verstuurd (?:vanaf|met) mijn\\s+\\S+(?:\\s+\\S+){0,3}|Skickat från min\\s+\\S+(?:\\s+\\S+){0,3}"
          + "|Sendt fra min\\s+\\S+(?:\\s+\\S+){0,3}|Wysłane z\\s+\\S+(?:\\s+\\S+){0,3}|Отправлено с\\s+\\S+(?:\\s+\\S+){0,3}"
          + "|Lähetetty\\s+\\S+(?:\\s+\\S+){0,3}|从我的\\S{1,20}发送|iPhoneから送信"
          + "|Envoyé à partir de\\s+\\S+(?:\\s+\\S+){0,4}|Obtenir Outlook pour (?:iOS|Android)"
          + "|Outlook für (?:iOS|Android) beziehen|Obtener Outlook para (?:iOS|Android))"
          + "\\s*(?:<[^<>\\s]{1,200}>)?\\s*[.!]?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Forward prefixes of a subject line: Fwd, Fw, WG, TR, RV, Doorst, VS, ENC, PD, İLT, ... */
  public static final Pattern FORWARD_SUBJECT = Pattern.compile(
      "^\\s*(?:\\[[^\\]]{0,40}\\]\\s*)?(?:(?:Re|AW|SV|Antw)\\s*:\\s*)*"
          + "(?:Fwd|Fw|WG|TR|RV|Doorst|VS|ENC|PD|İLT|FS|Vb|Tov|Rif|Reenv|Reenviar|I|Pers|Пересл|转发|轉寄)\\s*[:：]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private MailPatterns() {
  }

  /** True when {@code text} is short enough for header patterns to be tried on it. */
  public static boolean headerSized(CharSequence text) {
    return text.length() <= MAX_HEADER_CHARS;
  }
}
