package dev.tact.mail.reply;

import java.util.regex.Pattern;

/**
 * Finds the quote header that starts at a line of a body split into lines: "On ... wrote:" in many languages
 * (also wrapped over up to three lines or with the date first), "date, name:" lines right above a `>` quote,
 * Outlook "From: / Sent: / To: / Subject:" blocks, "-----Original Message-----" separators and forward markers.
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

  private static final int MAX_WRAPPED_LINES = 3;
  private static final int MAX_BLOCK_LINES = 14;

  /** Words that open an attribution line, so a wrapped header is not glued to the paragraph above it. */
  private static final Pattern ATTRIBUTION_OPENER = Pattern.compile(
      "^\\s*(?:On|Am|Le|El|Il|In data|Il giorno|Op|Em|Den|På|Dnia|W dniu|Pada|Dne|В|Klo|Kello|At|Às|Quoting"
          + "|Citando|Zitat von|Στις|Ngày|Dana|\\d|\"|<|\\[)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final Lines lines;

  QuoteHeaderFinder(Lines lines) {
    this.lines = lines;
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

  private boolean isSeparatorOrField(int index) {
    String line = lines.get(index);
    return lines.isText(index) && MailPatterns.headerSized(line)
        && (MailPatterns.SEPARATOR_LINE.matcher(line).find() || MailPatterns.ORIGINAL_MESSAGE.matcher(line).find()
        || MailPatterns.OTHER_HEADER_FIELD.matcher(line).find());
  }

  private Header headerStartingAt(int start) {
    if (!lines.isText(start) || !MailPatterns.headerSized(lines.get(start))) {
      return null;
    }
    String line = lines.get(start);
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
    for (int end = start; end < start + MAX_WRAPPED_LINES && lines.isText(end); end++) {
      if (end > start) {
        boolean continuation = found == null || lines.get(end).strip().length() <= 40
            && MailPatterns.ENDS_WITH_COLON.matcher(lines.get(end)).find();
        if (!continuation || !opensAttribution(lines.get(start))) {
          break;
        }
        joined.append(' ');
      }
      joined.append(lines.get(end).strip());
      if (!MailPatterns.headerSized(joined)) {
        break;
      }
      if (isAttribution(joined.toString(), end)) {
        found = new Header(start, end + 1, Type.ATTRIBUTION);
      }
    }
    return found;
  }

  private static boolean opensAttribution(String line) {
    return ATTRIBUTION_OPENER.matcher(line).find() || MailPatterns.DATE_FIRST.matcher(line).find()
        || line.indexOf('@') >= 0 || line.stripTrailing().endsWith("<");
  }

  /**
   * "On DATE, NAME wrote:" and its variants. A date or time is required (or "NAME <address> wrote:"); then either a "wrote" verb (with
   * a colon, an address or the verb at the end), or a date-first line ending in a colon that names an address,
   * or any dated line ending in a colon right above a `>` quote.
   */
  private boolean isAttribution(String text, int lastLine) {
    boolean colon = MailPatterns.ENDS_WITH_COLON.matcher(text).find();
    boolean address = text.indexOf('@') >= 0;
    if (!MailPatterns.DATE_OR_TIME.matcher(text).find()) {
      return address && MailPatterns.WROTE_ENDING.matcher(text).find();
    }
    if (MailPatterns.WROTE_ENDING.matcher(text).find()) {
      return true;
    }
    if (MailPatterns.WROTE_WORD.matcher(text).find()
        && (colon || address || text.endsWith("<") || endsWithWroteWord(text))) {
      return true;
    }
    if (colon && (address || text.indexOf('<') >= 0) && MailPatterns.DATE_FIRST.matcher(text).find()) {
      return true;
    }
    return colon && lines.isQuoted(lines.nextNonBlank(lastLine + 1));
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
    return index < lines.size() && MailPatterns.FROM_FIELD.matcher(lines.get(index)).find()
        && MailPatterns.headerSized(lines.get(index));
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
      if (MailPatterns.OTHER_HEADER_FIELD.matcher(lines.get(i)).find()) {
        count++;
      }
    }
    return count;
  }

  /**
   * End (exclusive) of a header block's field lines starting at {@code from}: up to the first blank line that
   * follows at least one field (blank lines right after a separator are skipped).
   */
  private int blockEnd(int from, boolean afterSeparator) {
    int i = from;
    if (afterSeparator) {
      i = lines.nextNonBlank(i);
      if (i >= lines.size() || !isFieldLine(i)) {
        return from;
      }
    }
    int limit = Math.min(lines.size(), i + MAX_BLOCK_LINES);
    while (i < limit && !lines.isBlank(i) && !lines.isQuoted(i)) {
      i++;
    }
    return i;
  }

  private boolean isFieldLine(int index) {
    String line = lines.get(index);
    return MailPatterns.headerSized(line) && (MailPatterns.FROM_FIELD.matcher(line).find()
        || MailPatterns.OTHER_HEADER_FIELD.matcher(line).find());
  }
}
