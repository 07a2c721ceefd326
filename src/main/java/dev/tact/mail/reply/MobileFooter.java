package dev.tact.mail.reply;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the footer a mail app adds under what its user wrote: "Sent from my iPhone", "Sent with Spark",
 * "Get Outlook for Android", "Envoyé de mon iPhone", "Von meinem iPhone gesendet", "Enviado desde mi Samsung
 * Galaxy", "iPhoneから送信" and their cousins in about twenty-five languages, whatever the device or app is called.
 *
 * <p>A line is first reduced to its words: link targets, bare URLs, surrounding brackets or emphasis, an apology
 * for brevity or typos ("please excuse typos") and final punctuation are dropped. What is left must be one of the
 * known phrasings followed by at most five words without sentence punctuation, so that "Sent from my desk, which is
 * easier than my phone." stays text. {@link Kind#STRONG} footers name the sender's own device ("my iPhone", "mon
 * iPhone") or are an app's fixed line ("Get Outlook for iOS"); {@link Kind#WEAK} ones ("Sent via Acme Mail") read
 * like a footer only where a footer may stand (see {@link PlainTextReplyParser}).
 */
final class MobileFooter {

  /** How sure a line is a footer. */
  enum Kind { NONE, WEAK, STRONG }

  private static final int MAX_CHARS = 200;

  /** A device or app name: up to five words, none carrying sentence punctuation. */
  private static final String DEVICE = "[^\\s,;:?!()]+(?:\\s+[^\\s,;:?!()]+){0,4}";

  /** A carrier before the device, as Samsung phones write it: "Sent from my Verizon, Samsung Galaxy smartphone". */
  private static final String CARRIER = "(?:[^\\s,]+, (?=samsung|galaxy|lg|htc|motorola|sony|xperia|nokia))?";

  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]{0,100})\\]\\([^)\\s]{0,300}\\)");
  private static final Pattern URL = Pattern.compile("<?(?:https?://|www\\.)[^\\s>]{0,300}>?");
  private static final Pattern EXCUSE = Pattern.compile(
      "(?:[-,.;:!–—]\\s*|\\s+)(?:please\\s+|pls\\s+|kindly\\s+)?(?:excuse|pardon|forgive|sorry\\s+for|apologies\\s+for"
          + "|bitte\\s+entschuldigen|désolé|perdón|disculpa|scusate|scusa)(?![\\p{L}]).*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern WRAPPING = Pattern.compile("^[\\s*_(\\[<«]+|[\\s*_)\\]>»]+$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!…。！]+$");

  /** The sender's own device, in the possessive of each language. */
  private static final List<Pattern> STRONG = patterns(
      "sent (?:from|with|on|using|via) my " + CARRIER + DEVICE,
      "sent from (?:an? )?(?:iphone|ipad|android|blackberry|mobile|cell|phone|smartphone|tablet)(?: " + DEVICE + ")?",
      "sent (?:via|from|with) (?:the |my |a )?samsung [^;:?!()]{1,80}",
      "from my (?:iphone|ipad|android|phone|mobile|cell|smartphone|tablet|samsung|galaxy|blackberry|pixel|huawei)"
          + "(?: " + DEVICE + ")?",
      "(?:get|download) (?:outlook|" + DEVICE + ") for (?:ios|android|iphone|ipad|windows|mac)",
      "envoy[ée]e? (?:de|depuis|à partir de|avec) (?:mon|ma) " + DEVICE,
      "(?:obtenir|télécharger) outlook pour (?:ios|android)",
      "von meinem " + DEVICE + " gesendet",
      "diese nachricht wurde von meinem " + DEVICE + " gesendet",
      "gesendet (?:von|vom|mit|über) (?:meinem|meiner) " + DEVICE,
      "outlook für (?:ios|android) (?:beziehen|herunterladen)",
      "enviado (?:desde|con|de) mi " + DEVICE,
      "(?:obtener|descargar) outlook para (?:ios|android)",
      "enviado (?:do|de|pelo|a partir do) meu " + DEVICE,
      "(?:obter|baixe|baixar|obtenha) o? ?outlook para (?:ios|android)",
      "inviato da(?:l)? (?:mio|mia) " + DEVICE,
      "inviato da (?:iphone|ipad|android|smartphone|cellulare)(?: " + DEVICE + ")?",
      "(?:scarica|ottieni) outlook per (?:ios|android)",
      "(?:verzonden|verstuurd) (?:vanaf|met|van|via) mijn " + DEVICE,
      "(?:download|haal) outlook voor (?:ios|android)(?: op)?",
      "skickat från min " + DEVICE,
      "(?:hämta|skaffa) outlook för (?:ios|android)",
      "sendt fra min " + DEVICE,
      "(?:hent|få) outlook (?:til|for) (?:ios|android)",
      "lähetetty (?:iphonesta|ipadista|android-laitteesta|matkapuhelimesta|puhelimesta)(?: " + DEVICE + ")?",
      "(?:wysłane|wysłano) z (?:mojego|mojej|mego) " + DEVICE,
      "pobierz (?:aplikację )?outlook dla (?:systemu )?(?:ios|android)",
      "odesláno z(?:e)? (?:mého|mé|mojí) " + DEVICE,
      "odoslané z(?:o)? (?:môjho|mojej) " + DEVICE,
      "отправлено (?:с|из|со) (?:моего|моей) " + DEVICE,
      "(?:надіслано|відправлено) (?:з|із) (?:мого|моєї) " + DEVICE,
      "изпратено от (?:моя|моят) " + DEVICE,
      "(?:az )?\\S{1,40}(?:omról|emről|amról|ről|ról) küldve",
      "\\S{1,40}(?:umdan|ümden|ımdan|imden)(?: gönderildi)",
      "trimis de pe (?:iphone|ipad|android|telefonul|dispozitivul)" + "(?:[- ]" + DEVICE + ")?",
      "(?:εστάλη|στάλθηκε) από (?:το|την) " + DEVICE + " μου",
      "(?:poslano|poslato) (?:s|sa|z|iz) (?:mog|mojeg|moje|mojega) " + DEVICE,
      "נשלח מה-?\\S{1,30}(?: \\S{1,20}){0,2} שלי",
      "(?:أرسلت|تم الإرسال|أُرسلت|مرسل) من (?:جهاز )?\\S{1,30}(?: \\S{1,20}){0,2}",
      "\\S{1,30}から送信",
      "(?:从|從)我的\\s?\\S{1,20}\\s?(?:发送|傳送|發送)",
      "(?:发自|發自|来自|來自)我的\\s?\\S{1,20}(?:\\s?\\S{1,10})?",
      "(?:나의 )?\\S{1,30}에서 (?:보냄|보낸 메일)",
      "iphoneから送信|android から送信");

  /** An app's own line without a possessive: "Sent with Spark", "Sent via Acme Mail", "Sent from Outlook". */
  private static final List<Pattern> WEAK = patterns(
      "sent (?:from|with|using|via|by|on the go from) (?:the |an? )?" + DEVICE,
      "envoy[ée]e? (?:de|depuis|à partir de|avec|par) " + DEVICE,
      "(?:gesendet|versendet) (?:von|vom|mit|über|aus) " + DEVICE,
      "mit " + DEVICE + " gesendet",
      "enviado (?:desde|con|de|do|pelo|via) " + DEVICE,
      "inviato (?:da|con|tramite) " + DEVICE,
      "(?:verzonden|verstuurd) (?:vanaf|met|via) " + DEVICE,
      "skickat (?:från|med|via) " + DEVICE,
      "sendt (?:fra|med|via) " + DEVICE,
      "lähetetty \\S+(?: \\S+){0,2}",
      "(?:wysłane|wysłano) (?:z|przez) " + DEVICE,
      "odesláno (?:z|ze|přes|pomocí) " + DEVICE,
      "отправлено (?:с|из|через) " + DEVICE,
      "(?:надіслано|відправлено) (?:з|через) " + DEVICE,
      "trimis (?:de pe|din|cu|prin) " + DEVICE,
      "\\S{1,40}(?:'?[dt][ae]n) gönderildi");

  private MobileFooter() {
  }

  /**
   * Words one of which every footer has: a cheap first test, as most lines of a body are not footers. Looked for
   * with {@code contains} in the folded line: a case-insensitive pattern of ~45 alternatives tried at each position
   * cost more than all the rest of reading a reply.
   */
  private static final List<String> KEY_WORDS = List.of("sent", "from my", "outlook", "envoy", "gesendet", "enviado",
      "inviato", "verzonden", "verstuurd", "skickat", "sendt", "lähetetty", "wysłan", "odeslán", "odoslan",
      "отправлено", "надіслано", "відправлено", "изпратено", "küldve", "gönderildi", "trimis", "εστάλη", "στάλθηκε",
      "נשלח", "أرسلت", "الإرسال", "مرسل", "送信", "发送", "傳送", "發送", "发自", "發自", "来自", "來自", "보냄", "보낸",
      "poslano", "poslato", "get ", "download");

  private static boolean hasKeyWord(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    // each character folded as a case-insensitive Unicode match compares it, so that "İ" and "ſ" count as "i", "s"
    text.codePoints().forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    String line = folded.toString();
    for (String word : KEY_WORDS) {
      if (line.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** What kind of footer the clean line is. */
  static Kind of(String cleanLine) {
    if (cleanLine.length() > MAX_CHARS || cleanLine.isBlank() || !hasKeyWord(ends(cleanLine))) {
      return Kind.NONE;
    }
    String words = reduce(cleanLine);
    if (words.isEmpty()) {
      return Kind.NONE;
    }
    if (matchesAny(STRONG, words)) {
      return Kind.STRONG;
    }
    return matchesAny(WEAK, words) ? Kind.WEAK : Kind.NONE;
  }

  /** The first and last characters of a line: a footer's key word opens or closes it. */
  private static String ends(String line) {
    String s = line.strip();
    return s.length() <= 48 ? s : s.substring(0, 20) + " " + s.substring(s.length() - 28);
  }

  static boolean isFooter(String cleanLine) {
    return of(cleanLine) != Kind.NONE;
  }

  private static String reduce(String line) {
    String s = MARKDOWN_LINK.matcher(line).replaceAll("$1");
    s = URL.matcher(s).replaceAll(" ");
    s = EXCUSE.matcher(s).replaceFirst("");
    for (int i = 0; i < 2; i++) {
      s = WRAPPING.matcher(s).replaceAll("");
      s = TRAILING_PUNCTUATION.matcher(s).replaceAll("");
    }
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static boolean matchesAny(List<Pattern> patterns, String words) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(words).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The phrasings as one pattern (one match per line instead of one per phrasing). */
  private static List<Pattern> patterns(String... regexes) {
    return List.of(Pattern.compile("(?:" + String.join("|", regexes) + ")",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }
}
