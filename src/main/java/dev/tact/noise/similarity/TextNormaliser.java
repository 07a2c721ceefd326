package dev.tact.noise.similarity;

import dev.tact.mail.ReplyMarkers;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces the text of one message to the part that identifies it, so that copies differing only in wrapping
 * become the same text: Unicode NFKC and lower case; quoted ({@code >}) lines, leftover forward header blocks
 * and "On … wrote:" lines removed; a leading salutation ("Hi Anna,", "Dear all", "Hallo Team,") and a trailing
 * sign-off with the signature below it ("Best regards", "Thanks,", "-- ", "Sent from my iPhone") removed;
 * links reduced to host and path with tracking parameters dropped; whitespace and line breaks collapsed to
 * single spaces. Stateless and thread-safe.
 */
public final class TextNormaliser {

  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|\\u2028|\\u2029");
  private static final Pattern HEADER_LINE = Pattern.compile(
      "^\\s*\\*?(from|sent|to|cc|bcc|date|subject|reply-to|von|gesendet|an|datum|betreff|de|envoyé|à|objet"
          + "|para|enviado|asunto|fecha|da|inviato|oggetto|a|van|verzonden|aan|onderwerp)\\*?\\s*:.*");
  /** A header naming only its author's address ("Jane Roe <jane@x.example>:"), which carries no word to match. */
  private static final Pattern ADDRESS_HEADER = Pattern.compile("^.{0,120}<[^<>@\\s]+@[^<>\\s]+>\\s*:\\s*$");
  private static final Pattern SALUTATION = Pattern.compile(
      "^\\s*(hi|hello|hey|hiya|dear|greetings|good (morning|afternoon|evening|day)|hallo|hi there|moin|servus"
          + "|liebe[rs]?|sehr geehrte[rs]?( damen und herren)?|guten (tag|morgen|abend)|bonjour|bonsoir|salut"
          + "|cher|chère|chers|madame|monsieur|hola|estimad[oa]s?|buenos días|buenas tardes|buongiorno|ciao"
          + "|gentile|egregio|hej|hoi|beste|geachte|goedemorgen|goedemiddag|olá|prezado|caro|cara)"
          + "(\\s+[^\\s,!:.;]{1,30}){0,4}\\s*([,!:]|$)");
  private static final Pattern SIGN_OFF = Pattern.compile(
      "^\\s*((best|kind|warm|warmest|many|with kind|with best)?\\s*(regards|wishes)|regards|cheers|thanks"
          + "|thank you|many thanks|thanks (again|so much|a lot|in advance)|thank you (very much|in advance)"
          + "|sincerely|yours( sincerely| truly| faithfully)?|best|all the best|take care|talk soon|br"
          + "|mit freundlichen grüßen|mit freundlichem gruß|freundliche grüße|viele grüße|beste grüße|lg|vg|mfg"
          + "|gruß|grüße|danke|vielen dank|cordialement|bien cordialement|bien à vous|merci|salutations"
          + "|saludos|saludos cordiales|atentamente|un saludo|gracias|cordiali saluti|saluti|distinti saluti"
          + "|grazie|met vriendelijke groet(en)?|groeten|hartelijke groet|mvg|atenciosamente|obrigad[oa])"
          + "\\s*[,.!]*\\s*$");
  private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^(--|__+|—)\\s*$");
  private static final Pattern MOBILE_FOOTER = Pattern.compile(
      "^\\s*(sent from my .{1,40}|get outlook for .{1,30}|von meinem .{1,40} gesendet|envoyé de mon .{1,40}"
          + "|enviado desde mi .{1,40}|inviato da .{1,40})\\s*$");
  private static final Pattern URL = Pattern.compile("\\b(https?://|www\\.)[^\\s<>\"')\\]]+");
  private static final Pattern TRACKING_PARAMETER = Pattern.compile(
      "(utm_[a-z_]*|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi"
          + "|__hssc|__hstc|__hsfp|hsctatracking|mkt_tok|trk|trkcampaign|ref|ref_src|referrer|source|cmpid"
          + "|campaign|s_cid|spm|si|oly_enc_id|oly_anon_id|vero_id|wickedid|_ga|_gl|ito|icid)");
  /**
   * Punctuation ending a link, tried only where a run of it starts (the lookbehind; the same matches): from every
   * position of a long run of dots inside a link, the run was read to its end each time (20,000 dots: 2.4 s).
   */
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("(?<![.,;:!?])[.,;:!?]+$");
  private static final int SIGN_OFF_TAIL_LINES = 12;

  /** The canonical text of one message's text; empty for null or blank. */
  public String normalise(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String clean = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
        : Normalizer.normalize(text, Normalizer.Form.NFKC);
    clean = clean.toLowerCase(Locale.ROOT);
    if (hasUnusualCharacter(clean)) {
      clean = INVISIBLE.matcher(clean).replaceAll("");
      clean = LINE_BREAK.matcher(clean).replaceAll("\n");
    }
    List<String> lines = new ArrayList<>(List.of(clean.split("\n", -1)));
    removeQuotesAndForwardHeaders(lines);
    trimBlankEnds(lines);
    removeSalutation(lines);
    trimBlankEnds(lines);
    removeSignature(lines);
    trimBlankEnds(lines);
    String joined = String.join("\n", lines);
    if (joined.contains("http") || joined.contains("www.")) {
      joined = reduceUrls(joined);
    }
    return collapseWhitespace(joined);
  }

  /** A carriage return or a character of the {@link #INVISIBLE} or {@link #LINE_BREAK} sets. */
  private static boolean hasUnusualCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\u00AD' || c >= '\u200B' && c <= '\u2060' || c == '\uFEFF') {
        return true;
      }
    }
    return false;
  }

  private static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = !out.isEmpty();
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void removeQuotesAndForwardHeaders(List<String> lines) {
    List<String> kept = new ArrayList<>(lines.size());
    boolean inHeaderBlock = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean endsWithColon = line.stripTrailing().endsWith(":");
      // Reply history and forwards are marked as mail's reply extraction marks them (ReplyMarkers).
      boolean attribution = endsWithColon && (ReplyMarkers.isAttribution(line) || ADDRESS_HEADER.matcher(line)
          .matches());
      boolean original = ReplyMarkers.isOriginalMessage(line);
      if ((attribution || original)
          && !kept.stream().allMatch(String::isBlank)) {
        break;
      }
      if (ReplyMarkers.isQuoted(line) || attribution) {
        continue;
      }
      if (line.length() < 80 && (original || ReplyMarkers.isForwardMarker(line))) {
        inHeaderBlock = true;
        continue;
      }
      boolean header = hasHeaderColon(line) && HEADER_LINE.matcher(line).matches();
      if (header && (inHeaderBlock || startsHeaderBlock(lines, i))) {
        inHeaderBlock = true;
        continue;
      }
      if (inHeaderBlock && line.isBlank()) {
        inHeaderBlock = false;
        continue;
      }
      inHeaderBlock = false;
      kept.add(line);
    }
    lines.clear();
    lines.addAll(kept);
  }

  /** A header line followed by another header line: a leftover "From: … / Sent: …" block. */
  private static boolean startsHeaderBlock(List<String> lines, int index) {
    return index + 1 < lines.size() && hasHeaderColon(lines.get(index + 1))
        && HEADER_LINE.matcher(lines.get(index + 1)).matches();
  }

  /** Cheap pre-check of {@link #HEADER_LINE}: a colon among the first 20 characters. */
  private static boolean hasHeaderColon(String line) {
    int colon = line.indexOf(':');
    return colon >= 0 && colon < 20;
  }

  private static void removeSignature(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).length() < 6 && SIGNATURE_DELIMITER.matcher(lines.get(i)).matches()
          && hasContentBefore(lines, i)) {
        cut(lines, i);
        break;
      }
    }
    int tailStart = Math.max(0, lines.size() - SIGN_OFF_TAIL_LINES);
    for (int i = tailStart; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.length() < 60 && SIGN_OFF.matcher(line).matches() && hasContentBefore(lines, i)) {
        cut(lines, i);
        break;
      }
    }
    while (!lines.isEmpty() && MOBILE_FOOTER.matcher(lines.getLast()).matches() && lines.size() > 1) {
      lines.removeLast();
      trimBlankEnds(lines);
    }
  }

  private static void removeSalutation(List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    String first = lines.getFirst();
    Matcher salutation = SALUTATION.matcher(first);
    if (salutation.lookingAt()) {
      String rest = first.substring(salutation.end()).strip();
      boolean onlyGreeting = rest.isEmpty() && lines.stream().skip(1).allMatch(String::isBlank);
      if (!onlyGreeting) {
        lines.set(0, rest);
      }
    }
  }

  private static boolean hasContentBefore(List<String> lines, int index) {
    for (int i = 0; i < index; i++) {
      if (!lines.get(i).isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static void cut(List<String> lines, int from) {
    lines.subList(from, lines.size()).clear();
  }

  private static void trimBlankEnds(List<String> lines) {
    while (!lines.isEmpty() && lines.getLast().isBlank()) {
      lines.removeLast();
    }
    while (!lines.isEmpty() && lines.getFirst().isBlank()) {
      lines.removeFirst();
    }
  }

  /** Each link as host + path (no scheme, no "www.", no fragment), keeping only non-tracking parameters. */
  static String reduceUrls(String text) {
    Matcher url = URL.matcher(text);
    if (!url.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, url.start()).append(reduceUrl(url.group()));
      last = url.end();
    } while (url.find());
    return out.append(text, last, text.length()).toString();
  }

  private static String reduceUrl(String url) {
    String rest = url.startsWith("https://") ? url.substring(8) : url.startsWith("http://") ? url.substring(7) : url;
    rest = rest.startsWith("www.") ? rest.substring(4) : rest;
    rest = TRAILING_PUNCTUATION.matcher(rest).replaceAll("");
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int question = rest.indexOf('?');
    String path = question >= 0 ? rest.substring(0, question) : rest;
    String query = question >= 0 ? rest.substring(question + 1) : "";
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : query.split("[&;]")) {
      if (parameter.isEmpty()) {
        continue;
      }
      int equals = parameter.indexOf('=');
      String name = equals >= 0 ? parameter.substring(0, equals) : parameter;
      if (!TRACKING_PARAMETER.matcher(name).matches()) {
        kept.add(parameter);
      }
    }
    kept.sort(null);
    return kept.isEmpty() ? path : path + "?" + String.join("&", kept);
  }
}
