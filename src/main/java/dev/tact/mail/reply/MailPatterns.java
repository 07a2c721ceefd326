package dev.tact.mail.reply;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /** A line quoted with a bar, as some clients and mailing-list archives do ("| text"). */
  private static final Pattern BAR_QUOTED = Pattern.compile("^\\s{0,4}\\|(?:\\s|$)");

  /** A line that ends with a bar, the shape of a text table's row rather than of a quote. */
  private static final Pattern TABLE_ROW_END = Pattern.compile("\\|\\s*$");

  /** Letters before a verb that must not be glued to it (Java's \\b does not see non-ASCII letters as word). */
  private static final String B = "(?<![\\p{L}\\p{N}_])";

  /**
   * "wrote" in the languages whose clients write "On DATE, NAME wrote:" or "NAME wrote on DATE:" (alphabetic
   * scripts, matched as whole words): English, German, French, Spanish, Italian, Dutch, Portuguese, Swedish,
   * Danish, Norwegian, Icelandic, Afrikaans, Polish, Czech, Slovak, Croatian, Serbian, Slovenian, Finnish,
   * Estonian, Latvian, Lithuanian, Hungarian, Turkish, Romanian, Catalan, Galician, Basque, Albanian, Welsh,
   * Vietnamese, Indonesian, Filipino, Swahili, Russian, Ukrainian, Belarusian, Bulgarian, Macedonian, Serbian
   * (Cyrillic), Greek, Hebrew, Arabic, Persian, Urdu, Hindi, Bengali, Thai, Georgian, Armenian.
   */
  private static final List<String> VERBS = List.of("wrote", "schrieb", "geschrieben", "a écrit", "écrit", "escribió",
      "escribio", "ha escrito", "ha scritto", "scrisse", "schreef", "geschreven", "escreveu", "escribiu", "skrev",
      "skrevet", "skriver", "skrifaði", "het geskryf", "napisał(a)", "napisała", "napisał", "napisal(a)", "napisala",
      "napisal", "napisao je", "je napisao", "napisao", "pisze", "napsal(a)", "napsala", "napsal", "napísal(a)",
      "napísala", "napísal", "kirjoitti", "kirjutas", "rakstīja", "rašė", "parašė", "írta", "yazdı", "a scris",
      "scrie", "ha escrit", "va escriure", "idatzi zuen", "shkroi", "ysgrifennodd", "đã viết", "menulis", "sumulat",
      "aliandika", "написал(а)", "написала", "написал", "написав", "написао/ла", "написао", "написа", "пишет", "пише",
      "напиша", "напісаў", "έγραψε", "כתב/ה", "כתבה", "כתב", "كتب", "نوشت", "نے لکھا", "ने लिखा", "লিখেছেন",
      "เขียนว่า", "დაწერა", "գրել է");

  /** The same verb in scripts without spaces between words (Chinese, Japanese, Korean): no word boundary. */
  private static final List<String> VERBS_UNSPACED = List.of("写道", "寫道", "のメッセージ", "のメール", "は書きました",
      "書きました", "님이 작성", "작성", "쓴 글");

  private static final String WROTE_VERBS = alternation(VERBS);
  private static final String WROTE_CJK = alternation(VERBS_UNSPACED);

  /** The last word of every verb, for a cheap first test of a line's end. */
  private static final Set<String> VERB_LAST_WORDS = Stream.concat(VERBS.stream(), Stream.of("writes"))
      .map(v -> v.substring(v.lastIndexOf(' ') + 1)).collect(Collectors.toUnmodifiableSet());

  /** Last words of an "On DATE, NAME wrote:" header, per language; the colon may be fullwidth. */
  public static final Pattern WROTE_ENDING = Pattern.compile(
      "(?:" + B + "(?:" + WROTE_VERBS + "|writes)|" + WROTE_CJK + ")\\s*[:：]\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A "wrote" verb anywhere in a line, for languages that put the name after it ("Am ... schrieb Name:"). */
  public static final Pattern WROTE_WORD = Pattern.compile(
      "(?:" + B + WROTE_VERBS + "(?![\\p{L}\\p{N}])|" + WROTE_CJK + ")",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A line that opens with a date or a weekday: "2014-03-20 8:48", "Wednesday, 17 November", "tir. 18. apr.". */
  public static final Pattern DATE_FIRST = Pattern.compile("^\\s*(?:\\d|\\p{L}{2,10}[.,]?\\s+\\d)");

  /** A line ending in a colon or fullwidth colon, the shape of every "date, name:" header. */
  public static final Pattern ENDS_WITH_COLON = Pattern.compile("[:：]\\s*$");

  /**
   * Something that looks like a date or time: 2016-10-24, 15.01.2024, 6/16/2016, 14:30, 10.00 (Nordic clocks),
   * 2024年, 2024년.
   */
  public static final Pattern DATE_OR_TIME = Pattern.compile(
      "\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}|\\d{1,2}:\\d{2}|(?<![\\d.,])\\d{1,2}\\.\\d{2}(?![\\d.,])|\\d{4}[年년]"
          + "|\\b(?:19|20)\\d{2}\\b");

  /** The words that open an "On DATE, NAME" header in many languages, followed by the date. */
  public static final Pattern ATTRIBUTION_WORD = Pattern.compile(
      "^\\s*(?:On|Am|Le|El|El dia|Il|Il giorno|In data|Op|Em|Den|På|W dniu|Dnia|Dne|Dňa|В|У|Στις|Vào|Ngày|Pada"
          + "|Pada tanggal|Klo|Kello|Às|În|Pe|A les|Dana|Op|Ons|Na|בתאריך|ב-|في|در)\\s",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The end of a header that names its author without a verb: ", John Smith:" or "Jane Roe <jane@x.com>:". */
  public static final Pattern NAME_ENDING = Pattern.compile(
      "(?:,|\\d)\\s*\"?\\p{Lu}[\\p{L}'.-]*\"?(?:\\s+\"?[\\p{L}'.-]+\"?){0,4}\\s*(?:[<(\\[][^<>()\\[\\]\\s]{1,200}[>)\\]]+\\s*)?[:：]?\\s*$",
      Pattern.UNICODE_CASE);

  /** Two or more dashes of any kind (ProtonMail writes U+2010), equals signs, underscores or stars. */
  private static final String DASHES = "[-=_*\u2010\u2011\u2012\u2013\u2014\u2015~]{2,}";

  /** A "-----Original Message-----" style separator (also Thunderbird's and forwarded-message ones). */
  public static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
      "^\\s*" + DASHES + "\\s*(?:Original Message|Original Email|Forwarded Message|Forwarded message|Forwarded e-?mail"
          + "|Ursprüngliche Nachricht|Original-Nachricht|Originalnachricht|Weitergeleitete Nachricht"
          + "|Message d'origine|Message original|Message transféré|Mensaje original|Mensaje reenviado"
          + "|Messaggio originale|Messaggio inoltrato|Oorspronkelijk bericht|Origineel bericht|Doorgestuurd bericht"
          + "|Mensagem original|Mensagem encaminhada|Ursprungligt meddelande|Originalmeddelande"
          + "|Vidarebefordrat meddelande|Vidarebefordrat mejl|Opprinnelig melding|Videresendt melding"
          + "|Oprindelig besked|Oprindelig meddelelse|Videresendt meddelelse|Wiadomość oryginalna|Oryginalna wiadomość"
          + "|Przekazana wiadomość|Wiadomość przekazana dalej|Исходное сообщение|Пересылаемое сообщение"
          + "|Оригінальне повідомлення|Пересланий лист|Původní zpráva|Přeposlaná zpráva|Pôvodná správa"
          + "|Alkuperäinen viesti|Välitetty viesti|Eredeti üzenet|Továbbított üzenet|Orijinal ileti|İletilen ileti"
          + "|Mesaj original|Mesaj redirecționat|Αρχικό μήνυμα|Προωθημένο μήνυμα|Izvorna poruka|Proslijeđena poruka"
          + "|原始邮件|原始郵件|转发的邮件|轉寄的郵件|元のメッセージ|転送されたメッセージ|원본 메시지|전달된 메일)"
          + "\\s*" + DASHES + "\\s*:?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Forward markers that say "forward" explicitly (a forward even without a Fwd: subject). */
  public static final Pattern FORWARD_MARKER = Pattern.compile(
      "^\\s*(?:" + DASHES + "\\s*(?:Forwarded message|Forwarded Message|Forwarded e-?mail|Weitergeleitete Nachricht"
          + "|Message transféré|Mensaje reenviado|Messaggio inoltrato|Doorgestuurd bericht|Mensagem encaminhada"
          + "|Vidarebefordrat meddelande|Vidarebefordrat mejl|Videresendt melding|Videresendt meddelelse"
          + "|Przekazana wiadomość|Wiadomość przekazana dalej|Пересылаемое сообщение|Пересланий лист"
          + "|Přeposlaná zpráva|Välitetty viesti|Továbbított üzenet|İletilen ileti|Mesaj redirecționat"
          + "|Προωθημένο μήνυμα|Proslijeđena poruka|转发的邮件|轉寄的郵件|転送されたメッセージ|전달된 메일)"
          + "\\s*" + DASHES + "\\s*:?"
          + "|Begin forwarded message\\s*:?|Début du message réexpédié\\s*:?|Anfang der weitergeleiteten Nachricht\\s*:?"
          + "|Inicio del mensaje reenviado\\s*:?|Inizio messaggio inoltrato\\s*:?|Início da mensagem reencaminhada\\s*:?"
          + "|Begin doorgestuurd bericht\\s*:?|Vidarebefordrat brev\\s*:?|Videresendt brev\\s*:?"
          + "|Videresendt meddelelse\\s*:?|Välitetty viesti alkaa\\s*:?|Początek przekazywanej wiadomości\\s*:?"
          + "|Začátek přeposlané zprávy\\s*:?|Начало пересылаемого сообщения\\s*:?|Начало переадресованного сообщения\\s*:?"
          + "|Továbbított levél kezdete\\s*:?|İletilen ileti başlangıcı\\s*:?|転送されたメッセージ\\s*:?"
          + "|以下是转发的邮件\\s*[:：]?|전달된 메시지\\s*:?)\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The "From:" field of an Outlook-style header block, optionally in bold (`*From:*`), in many languages. The white
   * space and stars are read possessively (what follows them cannot start with either): a field name followed by a
   * long run of spaces took seconds.
   */
  public static final Pattern FROM_FIELD = Pattern.compile(
      "^\\s*+[*_]{0,2}+(?:From|Sender|Von|De|De la|Da|Van|Från|Fra|Frá|Od|Odesílatel|От|Від|Lähettäjä|Saatja|Nuo|Feladó"
          + "|Kimden|Afzender|Remetente|Expéditeur|Absender|Mittente|Nadawca|Šalje|Pošiljatelj|Pošiljalac|Από"
          + "|Αποστολέας|מאת|من|Từ|Dari|จาก|寄件者|发件人|發件人|差出人|送信者|보낸 사람)\\s*+[*_]{0,2}+\\s*+[:：]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The other fields of such a block: sent, date, to, cc, subject, reply-to, in many languages. */
  public static final Pattern OTHER_HEADER_FIELD = Pattern.compile(
      "^\\s*+[*_]{0,2}+(?:Sent|Date|To|Cc|Bcc|Subject|Reply-To|Importance|Gesendet|Datum|An|Betreff|Kopie|Antwort an"
          + "|Envoyé|Envoyé le|À|A|Objet|Date d'envoi|Répondre à|Enviado|Enviada|Enviado el|Fecha|Para|Asunto|CC"
          + "|Inviato|Data|Oggetto|Risposta|Rispondi a|Verzonden|Aan|Onderwerp|Beantwoorden|Skickat|Till|Ämne"
          + "|Kopia|Sendt|Til|Emne|Kopi|Dato|Svar til|Wysłano|Do|Temat|DW|Odpowiedź do|Отправлено|Кому|Тема|Дата"
          + "|Копия|Надіслано|Відправлено|Копія|Изпратено|До|Относно|Lähetetty|Vastaanottaja|Aihe|Päivämäärä|Kopio"
          + "|Saadetud|Saatmisaeg|Adressaat|Teema|Išsiųsta|Kam|Tema|Nosūtīts|Tēma|Assunto|Enviat|Per a|Assumpte"
          + "|Odesláno|Komu|Předmět|Odoslané|Predmet|Elküldve|Dátum|Címzett|Másolatot kap|Tárgy|Gönderildi|Tarih"
          + "|Kime|Bilgi|Konu|Trimis|Către|Subiect|Αποστολή|Ημερομηνία|Προς|Κοιν|Θέμα|נשלח|תאריך|אל|עותק|נושא"
          + "|تاريخ الإرسال|التاريخ|إلى|نسخة|الموضوع|Đã gửi|Ngày|Đến|Chủ đề|Tiêu đề|Dikirim|Tanggal|Kepada|Perihal"
          + "|Subjek|Poslano|Poslato|Prima|Za|Zadeva|ส่ง|วันที่|ถึง|เรื่อง|Sujet|Copie à|Message du|发送时间|發送時間"
          + "|寄件日期|收件人|收件者|抄送|副本|主题|主旨|日期|送信日時|宛先|件名|日時|보낸 날짜|받는 사람|참조|제목)"
          + "\\s*+[*_]{0,2}+\\s*+[:：]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A separator line that Outlook and others put above a header block. */
  public static final Pattern SEPARATOR_LINE = Pattern.compile(
      "^\\s*(?:_{5,}|[-\u2010\u2011\u2012\u2013]{5,}|={4,}|[—\u2015]{3,})\\s*$");

  /** GroupWise's header line: ">>> John Smith <john@example.com> 3/3/2015 10:00 AM >>>". */
  public static final Pattern GROUPWISE_HEADER = Pattern.compile("^\\s*>>>\\s.{1,300}\\s>>>\\s*$");

  /** Horde's and others' "Quoting John Smith <john@example.com>:", in a few languages. */
  public static final Pattern QUOTING = Pattern.compile(
      "^\\s*(?:Quoting|Citando|Zitat von|Citation de|Cytowanie|Cytuję|Lainaus|Citerar|Citerer|Citat|Idézet|Цитирую"
          + "|Цитата)\\s.{1,200}[:：]\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A rule of dashes, underscores, equals signs, stars or tildes above a signature. */
  public static final Pattern RULE_LINE = Pattern.compile("^\\s*(?:-{4,}|_{4,}|={4,}|\\*{4,}|~{4,})\\s*$");

  /** A way to reach someone: an address, a phone number, a link, a messenger handle. */
  public static final Pattern CONTACT_ITEM = Pattern.compile(
      "[\\w.+-]+@[\\w-]+\\.[\\w.-]+|(?:https?://|www\\.)\\S+|(?<![\\d])\\+?\\(?\\d[\\d ().-]{6,}\\d(?![\\d])"
          + "|^\\s*(?:skype|whatsapp|signal|telegram|teams|linkedin|twitter|x)\\s*:",
      Pattern.CASE_INSENSITIVE);

  /** A sign-off made of a dash and a name, no space between: "-Abhishek Kona". */
  public static final Pattern DASH_NAME = Pattern.compile("^\\s*-\\p{Lu}[\\p{L}.']*(?:\\s+\\p{Lu}[\\p{L}.']*){0,2}\\s*$");

  /** A signature delimiter on its own line: "-- ", "--", "__", a long rule of "=" or "+". */
  public static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^(?:--|_{2,}|-- ?|={30,}|\\+{30,})\\s*$");

  /** The `<mailto:...>` or `[mailto:...]` Outlook writes after an address. */
  private static final Pattern MAILTO = Pattern.compile("[<\\[]mailto:[^<>\\[\\]\\s]{0,300}[>\\]]",
      Pattern.CASE_INSENSITIVE);

  /**
   * Forward prefixes of a subject line: Fwd, Fw, WG, TR, RV, Doorst, VS, ENC, PD, İLT, ... The "Re:" prefixes before
   * them are read possessively (none of them is a forward prefix): a long run of them overflowed the stack.
   */
  public static final Pattern FORWARD_SUBJECT = Pattern.compile(
      "^\\s*+(?:\\[[^\\]]{0,40}\\]\\s*+)?(?:(?:Re|AW|SV|Antw)\\s*+:\\s*+)*+"
          + "(?:Fwd|Fw|WG|TR|RV|Doorst|VS|ENC|PD|İLT|FS|Vb|Tov|Rif|Reenv|Reenviar|I|Pers|Пересл|转发|轉寄)\\s*[:：]",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private MailPatterns() {
  }

  /**
   * Whether the text may end in a "wrote" verb (a colon and spaces after it allowed): its last word is the last word
   * of a verb, or it ends in an unspaced one. A cheap test before the patterns; false means it does not.
   */
  static boolean mayEndWithVerb(String text) {
    int end = text.length();
    while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ':'
        || text.charAt(end - 1) == '：')) {
      end--;
    }
    int start = end;
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    String last = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    if (VERB_LAST_WORDS.contains(last)) {
      return true;
    }
    for (String verb : VERBS_UNSPACED) {
      if (last.endsWith(verb.substring(verb.lastIndexOf(' ') + 1))) {
        return true;
      }
    }
    return false;
  }

  private static String alternation(List<String> phrases) {
    return phrases.stream().map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|", "(?:", ")"));
  }

  /** Whether a (clean) line is quoted: `>`, `Name>` or a bar that does not end the line as in a text table. */
  static boolean isQuoted(String cleanLine, boolean bars) {
    if (QUOTED.matcher(cleanLine).find()) {
      return !GROUPWISE_HEADER.matcher(cleanLine).find();
    }
    return bars && BAR_QUOTED.matcher(cleanLine).find() && !TABLE_ROW_END.matcher(cleanLine.substring(
        cleanLine.indexOf('|') + 1)).find();
  }

  /** {@code text} without the `<mailto:...>` parts Outlook writes after addresses. */
  static String withoutMailto(String text) {
    return text.indexOf("mailto:") < 0 && text.indexOf("MAILTO:") < 0 ? text : MAILTO.matcher(text).replaceAll("");
  }

  /** True when {@code text} is short enough for header patterns to be tried on it. */
  public static boolean headerSized(CharSequence text) {
    return text.length() <= MAX_HEADER_CHARS;
  }
}
