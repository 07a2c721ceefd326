package dev.tact.mail.reply;

import java.util.regex.Pattern;

/**
 * Finds the quote header that starts at a line of a body split into lines: "On ... wrote:" in many languages
 * (also wrapped over up to five lines, with Outlook's {@code <mailto:...>} parts, with the name first or the date
 * first), headers that give only a date and a name ("On 3 Mar 2015 at 10:00, John Smith:"), Outlook "From: / Sent: /
 * To: / Subject:" blocks (also with blank lines between the fields), "-----Original Message-----" separators and
 * forward markers. Patterns read the clean form of each line ({@link Lines#clean(int)}).
 */
final class QuoteHeaderFinder {

  /** How a header relates to what follows it. */
  enum Type {
    /** "On ... wrote:" or "date, name:": what follows may be `>` quotes interleaved with inline replies. */
    ATTRIBUTION,
    /** Outlook blocks, original-message separators, forward markers: everything after is history. */
    BLOCK
  }

  /** A header found at lines [start, end). */
  record Header(int start, int end, Type type) {
  }

  private static final int MAX_WRAPPED_LINES = 5;
  private static final int MAX_CONTINUATION_CHARS = 100;
  private static final int MAX_BLOCK_LINES = 14;
  private static final int MAX_BARE_ATTRIBUTION_CHARS = 80;

  /** Other ways an attribution line starts, so a wrapped header is not glued to the paragraph above it. */
  private static final Pattern OTHER_OPENER = Pattern.compile(
      "^\\s*(?:In data|At|Quoting|Citando|Zitat von|-{2,}|\\d|\"|<|\\[|\\p{Lu}\\p{L}+\\s+\\p{Lu}\\p{L}+\\s*<)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A date or a clock time precise enough for a header that has no "wrote" (a bare year is not). */
  private static final Pattern DATE_AND_TIME = Pattern.compile(
      "\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}|\\d{1,2}[:.]\\d{2}(?![\\d.,])|\\d{4}\\s?[年년]"
          + "|\\d{1,2}\\.?\\s+\\p{L}{3,12}\\.?,?\\s+\\d{4}|\\p{L}{3,12}\\.?\\s+\\d{1,2},?\\s+\\d{4}",
      Pattern.UNICODE_CASE);

  private static final Pattern DASH_RUNS = Pattern.compile("^\\s*-{2,}\\s*|\\s*-{2,}\\s*$");

  private final Lines lines;
  private final boolean wrapped;
  private final boolean nameOnly;
  private final boolean fieldParagraphs;
  private final boolean clientSeparators;

  QuoteHeaderFinder(Lines lines, java.util.Set<ReplyRule> rules) {
    this.lines = lines;
    this.wrapped = rules.contains(ReplyRule.WRAPPED_HEADERS);
    this.nameOnly = rules.contains(ReplyRule.NAME_ONLY_HEADERS);
    this.fieldParagraphs = rules.contains(ReplyRule.FIELD_PARAGRAPHS);
    this.clientSeparators = rules.contains(ReplyRule.CLIENT_SEPARATORS);
  }

  /** The header whose first line is {@code start}, or null. Quoted and blank lines never start a header. */
  Header headerAt(int start) {
    Header header = headerStartingAt(start);
    if (header == null || header.type() != Type.BLOCK) {
      return header;
    }
    int first = header.start();
    int candidate = first - 1;
    boolean extended = false;
    while (candidate >= 0 && first - candidate <= 4 && (lines.isBlank(candidate) || isSeparatorOrField(candidate))) {
      if (!lines.isBlank(candidate)) {
        extended = true;
        first = candidate;
      }
      candidate--;
    }
    return extended ? new Header(first, header.end(), Type.BLOCK) : header;
  }

  /** Whether the line is a header field ("From:", "Sent:", "Betreff:", ...) of an Outlook-style block. */
  boolean isFieldLine(int index) {
    String line = lines.clean(index);
    return lines.isText(index) && MailPatterns.headerSized(line) && (MailPatterns.FROM_FIELD.matcher(line).find()
        || MailPatterns.OTHER_HEADER_FIELD.matcher(line).find());
  }

  private boolean isSeparatorOrField(int index) {
    String line = lines.clean(index);
    return lines.isText(index) && MailPatterns.headerSized(line)
        && (MailPatterns.SEPARATOR_LINE.matcher(line).find() || MailPatterns.ORIGINAL_MESSAGE.matcher(line).find()
        || MailPatterns.OTHER_HEADER_FIELD.matcher(line).find());
  }

  private Header headerStartingAt(int start) {
    if (!lines.isText(start) || !MailPatterns.headerSized(lines.clean(start))) {
      return null;
    }
    String line = lines.clean(start);
    if (MailPatterns.ORIGINAL_MESSAGE.matcher(line).find() || MailPatterns.FORWARD_MARKER.matcher(line).find()) {
      return new Header(start, blockEnd(start + 1, true), Type.BLOCK);
    }
    if (MailPatterns.SEPARATOR_LINE.matcher(line).find()) {
      int next = lines.nextNonBlank(start + 1);
      if (next < lines.size() && next - start <= 2 && isFromField(next)) {
        return new Header(start, blockEnd(next, false), Type.BLOCK);
      }
      return null;
    }
    if (clientSeparators && MailPatterns.GROUPWISE_HEADER.matcher(line).find()) {
      return new Header(start, start + 1, Type.BLOCK);
    }
    if (nameOnly && MailPatterns.QUOTING.matcher(line).find() && (line.indexOf('@') >= 0
        || lines.isQuoted(lines.nextNonBlank(start + 1)))) {
      return new Header(start, start + 1, Type.ATTRIBUTION);
    }
    if (isFromField(start)) {
      if (countOtherFields(start + 1) >= 2) {
        return new Header(start, blockEnd(start, false), Type.BLOCK);
      }
      if (line.indexOf('@') >= 0 && lines.isQuoted(lines.nextNonBlank(start + 1))) {
        return new Header(start, start + 1, Type.ATTRIBUTION);
      }
    }
    return attributionAt(start);
  }

  private Header attributionAt(int start) {
    StringBuilder joined = new StringBuilder();
    Header found = null;
    int maxLines = wrapped ? MAX_WRAPPED_LINES : 3;
    for (int end = start; end < start + maxLines && (lines.isText(end) || wrapped && closesWrappedAddress(end, joined));
        end++) {
      String line = lines.clean(end).strip();
      if (end > start) {
        boolean continuation = found == null
            ? !wrapped || line.length() <= MAX_CONTINUATION_CHARS || line.indexOf('@') >= 0
            : line.length() <= 40 && MailPatterns.ENDS_WITH_COLON.matcher(line).find();
        if (!continuation || !opensAttribution(lines.clean(start))) {
          break;
        }
        joined.append(' ');
      }
      joined.append(line);
      if (!MailPatterns.headerSized(joined)) {
        break;
      }
      if (isAttribution(withoutDecoration(joined.toString()), end)) {
        found = new Header(start, end + 1, Type.ATTRIBUTION);
      }
    }
    return found;
  }

  /** A line that is only the ">" closing an address the client wrapped ("John <" / "john@x.com" / ">"). */
  private boolean closesWrappedAddress(int index, CharSequence joinedSoFar) {
    if (index >= lines.size() || joinedSoFar.isEmpty() || !">".equals(lines.clean(index).strip())) {
      return false;
    }
    String text = MailPatterns.withoutMailto(joinedSoFar.toString());
    return text.lastIndexOf('<') > text.lastIndexOf('>');
  }

  /** The header's words: without mailto parts and without the dashes Zoho puts around it ("---- On ... ----"). */
  private String withoutDecoration(String text) {
    String words = wrapped ? MailPatterns.withoutMailto(text) : text;
    return clientSeparators && words.contains("--") ? DASH_RUNS.matcher(words).replaceAll("").strip() : words.strip();
  }

  private static boolean opensAttribution(String line) {
    return MailPatterns.ATTRIBUTION_WORD.matcher(line).find() || OTHER_OPENER.matcher(line).find()
        || MailPatterns.DATE_FIRST.matcher(line).find() || line.indexOf('@') >= 0
        || line.stripTrailing().endsWith("<");
  }

  /**
   * "On DATE, NAME wrote:" and its variants. With a "wrote" verb: a date or time, or an address, is required (or
   * only a short "NAME wrote:" right above a `>` quote). Without one: a date-first or "On DATE" line that ends in
   * a name (and a colon, or right above a `>` quote), a date-first line ending in a colon that names an address,
   * or any dated line ending in a colon right above a `>` quote.
   */
  private boolean isAttribution(String text, int lastLine) {
    // cheap tests first: most lines of a long body end in no colon, name no address and hold no date
    boolean colon = endsWithColon(text);
    boolean address = text.indexOf('@') >= 0;
    boolean angle = text.endsWith("<");
    boolean quotesFollow = lines.isQuoted(lines.nextNonBlank(lastLine + 1));
    String tail = tail(text);
    if (!colon && !address && !angle && !quotesFollow) {
      // only "On DATE, NAME wrote" without its colon is left
      return hasDigit(text) && MailPatterns.mayEndWithVerb(tail) && endsWithWroteWord(tail)
          && MailPatterns.DATE_OR_TIME.matcher(text).find();
    }
    boolean mayEndWithVerb = MailPatterns.mayEndWithVerb(tail);
    boolean wroteEnding = colon && mayEndWithVerb && MailPatterns.WROTE_ENDING.matcher(tail).find();
    if (!hasDigit(text) || !MailPatterns.DATE_OR_TIME.matcher(text).find()) {
      return wroteEnding && (address || nameOnly && quotesFollow && text.length() <= MAX_BARE_ATTRIBUTION_CHARS);
    }
    if (wroteEnding || mayEndWithVerb && endsWithWroteWord(tail)
        || (colon || address || angle) && MailPatterns.WROTE_WORD.matcher(text).find()) {
      return true;
    }
    if (colon && (address || text.indexOf('<') >= 0) && MailPatterns.DATE_FIRST.matcher(text).find()) {
      return true;
    }
    if (colon && quotesFollow) {
      return true;
    }
    if (!nameOnly) {
      return false;
    }
    if (colon && address && DATE_AND_TIME.matcher(text).find()) {
      return true;
    }
    if (!DATE_AND_TIME.matcher(text).find() || !MailPatterns.NAME_ENDING.matcher(text).find()) {
      return false;
    }
    // "On Tue, 3 Mar 2015 at 10:00, John Smith:"; a date-first line such as "03.03.2015 10:00, Deployment:" names
    // its author only with an address, or right above a quote
    boolean onDate = MailPatterns.ATTRIBUTION_WORD.matcher(text).find();
    boolean dateFirst = MailPatterns.DATE_FIRST.matcher(text).find();
    return quotesFollow && (onDate || dateFirst) || colon && (onDate || dateFirst && address);
  }

  /** The last words of a header (about 48 characters, from a word's start), where its verb and colon are. */
  private static String tail(String text) {
    int from = Math.max(0, text.length() - 48);
    while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
      from--;
    }
    return text.substring(from);
  }

  private static boolean endsWithColon(String text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end > 0 && (text.charAt(end - 1) == ':' || text.charAt(end - 1) == '：');
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithWroteWord(String text) {
    var matcher = MailPatterns.WROTE_WORD.matcher(text);
    int lastEnd = -1;
    while (matcher.find()) {
      lastEnd = matcher.end();
    }
    return lastEnd >= 0 && text.substring(lastEnd).isBlank();
  }

  private boolean isFromField(int index) {
    return index < lines.size() && MailPatterns.FROM_FIELD.matcher(lines.clean(index)).find()
        && MailPatterns.headerSized(lines.clean(index));
  }

  private int countOtherFields(int from) {
    int count = 0;
    int blankRun = 0;
    for (int i = from; i < Math.min(lines.size(), from + MAX_BLOCK_LINES); i++) {
      if (lines.isBlank(i)) {
        if (++blankRun > 1) {
          break;
        }
        continue;
      }
      blankRun = 0;
      if (lines.isQuoted(i)) {
        break;
      }
      if (MailPatterns.OTHER_HEADER_FIELD.matcher(lines.clean(i)).find()) {
        count++;
      }
    }
    return count;
  }

  /**
   * End (exclusive) of a header block's field lines starting at {@code from}: up to the first blank line that
   * follows at least one field and is not followed by another field (clients that render each field as a
   * paragraph put one blank line between fields); blank lines right after a separator are skipped.
   */
  int blockEnd(int from, boolean afterSeparator) {
    int i = from;
    if (afterSeparator) {
      i = lines.nextNonBlank(i);
      if (i >= lines.size() || !isFieldLine(i)) {
        return from;
      }
    }
    int limit = Math.min(lines.size(), i + MAX_BLOCK_LINES);
    while (i < limit && !lines.isQuoted(i)) {
      if (lines.isBlank(i)) {
        int next = i + 1;
        if (fieldParagraphs && next < limit && isFieldLine(next)) {
          i = next;
          continue;
        }
        break;
      }
      i++;
    }
    return i;
  }
}
