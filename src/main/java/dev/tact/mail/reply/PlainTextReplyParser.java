package dev.tact.mail.reply;

import dev.tact.mail.Fragment;
import dev.tact.mail.ReplyParts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a plain-text body into new text, quoted history and signature, line by line (ADR 0023).
 *
 * <p>Top to bottom, the first quote header with text above it ends the new text when history follows it
 * unquoted (Outlook style); when `>` quotes follow, quotes and text may interleave. A header at the very top hides
 * just itself. A reply written below one quote (bottom-posting: a header, its quote, then the answer) hides that
 * header and quote; answers written between several quotes (inline replies) keep the quotes they answer. A mobile
 * app's footer ends the new text. Then, bottom up, trailing blank lines, quotes, headers and signature blocks ("-- "
 * delimiter or an app's footer near the end) are hidden. Every step looks at each line a bounded number of times,
 * so the work is linear in the body's length.
 */
public final class PlainTextReplyParser {

  private final Set<ReplyRule> rules;

  public PlainTextReplyParser() {
    this(ReplyRule.all());
  }

  /** A parser with only some of the {@link ReplyRule}s (for measurements). */
  public PlainTextReplyParser(Set<ReplyRule> rules) {
    this.rules = rules.isEmpty() ? EnumSet.noneOf(ReplyRule.class) : EnumSet.copyOf(rules);
  }

  /** Parses {@code body}; null counts as empty. */
  public ReplyParts parse(String body) {
    if (body == null || body.isBlank()) {
      return new ReplyParts("", "", "", body == null || body.isEmpty() ? List.of()
          : List.of(new Fragment(Fragment.Kind.TEXT, body, false)));
    }
    return new Parse(new Lines(body, rules), rules).run();
  }

  private enum Role { TEXT, QUOTED, HEADER, SIGNATURE }

  /** The state of one body's parse. */
  private static final class Parse {

    private static final int MAX_SIGNATURE_LINES = 20;
    private static final int FOOTER_WINDOW = 3;
    private static final int CARD_WINDOW = 24;
    private static final int CARD_LINES = 12;
    private static final java.util.regex.Pattern QUOTE_MARKS = java.util.regex.Pattern.compile("^[\\s>|]+");

    private final Lines lines;
    private final QuoteHeaderFinder finder;
    private final int n;
    private final Role[] roles;
    private final boolean[] hidden;
    private final Set<ReplyRule> rules;

    Parse(Lines lines, Set<ReplyRule> rules) {
      this.lines = lines;
      this.rules = rules;
      this.finder = new QuoteHeaderFinder(lines, rules);
      this.n = lines.size();
      this.roles = new Role[n];
      this.hidden = new boolean[n];
      for (int i = 0; i < n; i++) {
        roles[i] = lines.isQuoted(i) ? Role.QUOTED : Role.TEXT;
      }
    }

    ReplyParts run() {
      markLazyContinuations();
      int end = applyHeaders();
      if (rules.contains(ReplyRule.BOTTOM_POSTING)) {
        hideBottomPostedQuote(end);
      }
      end = cutAtMobileFooter(end);
      hideTrailing(end);
      if (rules.contains(ReplyRule.QUOTE_ONLY)) {
        showQuoteWhenNothingElse();
      }
      return assemble();
    }

    /** Marks headers; returns where the new text ends because history follows unquoted. */
    private int applyHeaders() {
      boolean textAbove = false;
      for (int i = 0; i < n; i++) {
        QuoteHeaderFinder.Header header = finder.headerAt(i);
        if (header == null) {
          textAbove |= !lines.isBlank(i);
          continue;
        }
        boolean quotesFollow = lines.isQuoted(lines.nextNonBlank(header.end()));
        mark(header.start(), header.end(), Role.HEADER);
        if (header.type() == QuoteHeaderFinder.Type.ATTRIBUTION && quotesFollow) {
          i = header.end() - 1;
          continue;
        }
        if (!textAbove) {
          hide(header.start(), header.end());
          i = header.end() - 1;
          continue;
        }
        for (int j = header.end(); j < n; j++) {
          roles[j] = Role.QUOTED;
        }
        hide(header.start(), n);
        return header.start();
      }
      return n;
    }

    /**
     * Unquoted lines glued between quoted lines (or ending the body right after one) are a quoted line wrapped by
     * a client that did not re-add the `>`; they belong to the quote, not to an inline reply.
     */
    private void markLazyContinuations() {
      int i = 0;
      while (i < n) {
        if (!(lines.isText(i) && lines.isQuoted(i - 1))) {
          i++;
          continue;
        }
        int runEnd = i;
        while (runEnd < n && lines.isText(runEnd) && runEnd - i < 2) {
          runEnd++;
        }
        boolean quotedAfter = lines.isQuoted(runEnd);
        boolean bodyEnds = lines.nextNonBlank(runEnd) >= n;
        if (quotedAfter || bodyEnds) {
          mark(i, runEnd, Role.QUOTED);
        }
        i = runEnd;
      }
    }

    /**
     * Bottom-posting: when exactly one quote, introduced by its header, is answered by text below it, the header
     * and the quote are history (the answer is the new text). Several answered quotes are a point-by-point reply
     * whose quotes stay, as does a quote without a header (an excerpt the sender chose). A signature or a list
     * footer under a quote does not answer it.
     */
    private void hideBottomPostedQuote(int end) {
      int answered = 0;
      int blockStart = -1;
      int answerStart = -1;
      int i = 0;
      while (i < end) {
        if (hidden[i] || !(roles[i] == Role.QUOTED || roles[i] == Role.HEADER)) {
          i++;
          continue;
        }
        int start = i;
        int last = i;
        while (i < end && !hidden[i] && (roles[i] == Role.QUOTED || roles[i] == Role.HEADER || lines.isBlank(i))) {
          if (!lines.isBlank(i)) {
            last = i;
          }
          i++;
        }
        int next = lines.nextNonBlank(last + 1);
        if (next < end && !hidden[next] && roles[next] == Role.TEXT && !isSignatureOrFooter(next)) {
          answered++;
          blockStart = start;
          answerStart = next;
        }
      }
      if (answered == 1 && roles[blockStart] == Role.HEADER) {
        hide(blockStart, answerStart);
      }
    }

    /**
     * A mobile app's footer ends what the sender wrote: whatever follows it is history the app appended. A footer
     * naming the sender's device cuts wherever it stands after text; an app's plainer line ("Sent with Acme")
     * only when it opens a paragraph and history, a signature or another footer follows it.
     */
    private int cutAtMobileFooter(int cut) {
      boolean textAbove = false;
      for (int i = 0; i < cut; i++) {
        if (roles[i] == Role.TEXT && !hidden[i] && !lines.isBlank(i)) {
          MobileFooter.Kind kind = footer(lines.clean(i));
          if (kind != MobileFooter.Kind.NONE && textAbove && lines.nextNonBlank(i + 1) < cut
              && (kind == MobileFooter.Kind.STRONG || opensParagraph(i) && historyFollows(i))) {
            roles[i] = Role.SIGNATURE;
            for (int j = i + 1; j < n; j++) {
              if (roles[j] == Role.TEXT) {
                roles[j] = Role.QUOTED;
              }
            }
            hide(i, n);
            return i;
          }
        }
        textAbove |= !hidden[i] && !lines.isBlank(i);
      }
      return cut;
    }

    /** A signature delimiter, a separator or an app's footer: what follows a quote without answering it. */
    private boolean isSignatureOrFooter(int i) {
      String line = lines.clean(i);
      return MailPatterns.SIGNATURE_DELIMITER.matcher(line).find() || MailPatterns.SEPARATOR_LINE.matcher(line).find()
          || footer(line) != MobileFooter.Kind.NONE;
    }

    /**
     * A mail that is nothing but a quote shows the quote rather than nothing, unless the quote holds nothing but
     * nested "On ... wrote:" lines.
     */
    private void showQuoteWhenNothingElse() {
      boolean saysSomething = false;
      for (int i = 0; i < n; i++) {
        if (lines.isBlank(i)) {
          continue;
        }
        if (!hidden[i] || roles[i] != Role.QUOTED) {
          return;
        }
        String inner = QUOTE_MARKS.matcher(lines.clean(i)).replaceFirst("");
        saysSomething |= !inner.isBlank() && !MailPatterns.WROTE_ENDING.matcher(inner).find();
      }
      if (saysSomething) {
        for (int i = 0; i < n; i++) {
          hidden[i] = false;
        }
      }
    }

    private boolean opensParagraph(int i) {
      int previous = i - 1;
      return previous < 0 || lines.isBlank(previous) || roles[previous] != Role.TEXT
          || MailPatterns.SIGNATURE_DELIMITER.matcher(lines.clean(previous)).find();
    }

    /** Whether quoted history, a header, a signature delimiter or another footer comes next after line i. */
    private boolean historyFollows(int i) {
      int next = lines.nextNonBlank(i + 1);
      if (next >= n) {
        return true;
      }
      String line = lines.clean(next);
      return lines.isQuoted(next) || roles[next] == Role.HEADER || finder.headerAt(next) != null
          || MailPatterns.SIGNATURE_DELIMITER.matcher(line).find() || MailPatterns.SEPARATOR_LINE.matcher(line).find()
          || footer(line) != MobileFooter.Kind.NONE;
    }

    private void hideTrailing(int cut) {
      int end = cut;
      while (true) {
        while (end > 0 && (lines.isBlank(end - 1) || roles[end - 1] != Role.TEXT)) {
          hidden[--end] = true;
        }
        int signature = signatureStart(end);
        if (signature < 0 && rules.contains(ReplyRule.CONTACT_CARD)) {
          signature = contactCardStart(end);
        }
        if (signature < 0) {
          return;
        }
        for (int j = signature; j < end; j++) {
          roles[j] = Role.SIGNATURE;
          hidden[j] = true;
        }
        end = signature;
      }
    }

    /** Start of a signature block ending at {@code end}, or -1; needs visible text above it. */
    private int signatureStart(int end) {
      int found = -1;
      int nonBlankSeen = 0;
      int lowest = Math.max(0, end - MAX_SIGNATURE_LINES);
      for (int i = end - 1; i >= lowest && roles[i] == Role.TEXT; i--) {
        if (lines.isBlank(i)) {
          continue;
        }
        nonBlankSeen++;
        String line = lines.clean(i);
        if (line.length() > 200) {
          continue;
        }
        if (MailPatterns.SIGNATURE_DELIMITER.matcher(line).find()
            || nonBlankSeen <= FOOTER_WINDOW && isClosingFooter(i)
            || nonBlankSeen == 1 && rules.contains(ReplyRule.DASH_SIGNOFF)
            && MailPatterns.DASH_NAME.matcher(line).find()) {
          found = i;
        }
      }
      if (found < 0) {
        return -1;
      }
      for (int i = 0; i < found; i++) {
        if (!hidden[i] && !lines.isBlank(i)) {
          return found;
        }
      }
      return -1;
    }

    /**
     * Start of a contact card ending at {@code end}, or -1: the lines under a rule near the end, or else the last
     * paragraph, when they are a few short lines of which at least two are ways to reach someone (an address, a
     * phone number, a link) and there is visible text above.
     */
    private int contactCardStart(int end) {
      int separator = -1;
      for (int i = end - 1; i >= Math.max(0, end - CARD_WINDOW) && roles[i] == Role.TEXT; i--) {
        if (MailPatterns.RULE_LINE.matcher(lines.clean(i)).find()) {
          separator = i;
          break;
        }
      }
      int start = separator + 1;
      if (separator < 0) {
        start = end;
        while (start > 0 && !lines.isBlank(start - 1) && roles[start - 1] == Role.TEXT && end - start < CARD_LINES) {
          start--;
        }
      }
      int cardLines = 0;
      int contacts = 0;
      int shortLines = 0;
      for (int i = start; i < end; i++) {
        if (lines.isBlank(i)) {
          continue;
        }
        String line = lines.clean(i).strip();
        if (line.length() > 80 || ++cardLines > CARD_LINES) {
          return -1;
        }
        contacts += MailPatterns.CONTACT_ITEM.matcher(line).find() ? 1 : 0;
        shortLines += line.split("\\s+").length <= 6 ? 1 : 0;
      }
      boolean card = cardLines >= 2 && contacts >= 2 && shortLines >= cardLines - 1;
      int first = separator >= 0 ? separator : start;
      return card && visibleTextAbove(first) ? first : -1;
    }

    private boolean visibleTextAbove(int index) {
      for (int i = 0; i < index; i++) {
        if (!hidden[i] && !lines.isBlank(i)) {
          return true;
        }
      }
      return false;
    }

    /** A footer among the last lines: one naming the device anywhere, an app's plainer line as a paragraph. */
    private boolean isClosingFooter(int i) {
      MobileFooter.Kind kind = footer(lines.clean(i));
      return kind == MobileFooter.Kind.STRONG || kind == MobileFooter.Kind.WEAK && opensParagraph(i);
    }

    /** The footer kind of a line; an app's plainer footer counts only with {@link ReplyRule#APP_FOOTERS}. */
    private MobileFooter.Kind footer(String cleanLine) {
      MobileFooter.Kind kind = MobileFooter.of(cleanLine);
      return kind == MobileFooter.Kind.WEAK && !rules.contains(ReplyRule.APP_FOOTERS) ? MobileFooter.Kind.NONE : kind;
    }

    private void mark(int from, int to, Role role) {
      for (int i = from; i < to; i++) {
        roles[i] = role;
      }
    }

    private void hide(int from, int to) {
      for (int i = from; i < to; i++) {
        hidden[i] = true;
      }
    }

    private ReplyParts assemble() {
      StringBuilder visible = new StringBuilder();
      StringBuilder quoted = new StringBuilder();
      StringBuilder signature = new StringBuilder();
      List<Fragment> fragments = new ArrayList<>();
      int fragmentStart = 0;
      for (int i = 0; i < n; i++) {
        if (!hidden[i]) {
          appendLine(visible, i, rules.contains(ReplyRule.TRIM_LINE_ENDS));
        } else if (roles[i] == Role.SIGNATURE) {
          appendLine(signature, i, false);
        } else if (roles[i] != Role.TEXT) {
          appendLine(quoted, i, false);
        }
        boolean startsNew = i > fragmentStart && !lines.isBlank(i)
            && (roles[i] != roles[fragmentStart] || hidden[i] != hidden[fragmentStart]);
        if (startsNew) {
          fragments.add(fragment(fragmentStart, i));
          fragmentStart = i;
        }
      }
      fragments.add(fragment(fragmentStart, n));
      return new ReplyParts(trim(visible), trim(quoted), trim(signature), fragments);
    }

    private Fragment fragment(int from, int to) {
      Fragment.Kind kind = switch (roles[from]) {
        case TEXT -> Fragment.Kind.TEXT;
        case QUOTED -> Fragment.Kind.QUOTED;
        case HEADER -> Fragment.Kind.QUOTE_HEADER;
        case SIGNATURE -> Fragment.Kind.SIGNATURE;
      };
      return new Fragment(kind, lines.join(from, to), hidden[from]);
    }

    /**
     * Appends line i, for the visible text without what trails it invisibly (spaces, zero-width marks); leading
     * blank lines are skipped.
     */
    private void appendLine(StringBuilder target, int i, boolean trimEnd) {
      if (target.isEmpty() && lines.isBlank(i)) {
        return;
      }
      String line = lines.get(i);
      int end = line.length();
      while (trimEnd && end > 0 && Lines.isBlankChar(line.charAt(end - 1))) {
        end--;
      }
      target.append(line, 0, end).append('\n');
    }

    private static String trim(StringBuilder text) {
      int end = text.length();
      while (end > 0 && Lines.isBlankChar(text.charAt(end - 1))) {
        end--;
      }
      return text.substring(0, end);
    }
  }
}
