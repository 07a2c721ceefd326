package dev.tact.mail.reply;

import dev.tact.mail.Fragment;
import dev.tact.mail.ReplyParts;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a plain-text body into new text, quoted history and signature, line by line.
 *
 * <p>Top to bottom, the first quote header with text above it ends the new text when history follows it
 * unquoted (Outlook style); when `>` quotes follow, quotes and text may interleave (inline replies), so only
 * trailing quotes are hidden. A header at the very top hides just itself. Then, bottom up, trailing blank lines,
 * quotes, headers and signature blocks ("-- " delimiter or a mobile footer near the end) are hidden.
 * Every step looks at each line a bounded number of times, so the work is linear in the body's length.
 */
public final class PlainTextReplyParser {

  private static final int MAX_SIGNATURE_LINES = 20;
  private static final int MOBILE_FOOTER_WINDOW = 3;

  private enum Role { TEXT, QUOTED, HEADER, SIGNATURE }

  /** Parses {@code body}; null counts as empty. */
  public ReplyParts parse(String body) {
    if (body == null || body.isBlank()) {
      return new ReplyParts("", "", "", body == null || body.isEmpty() ? List.of()
          : List.of(new Fragment(Fragment.Kind.TEXT, body, false)));
    }
    Lines lines = new Lines(body);
    int n = lines.size();
    Role[] roles = new Role[n];
    boolean[] hidden = new boolean[n];
    for (int i = 0; i < n; i++) {
      roles[i] = lines.isQuoted(i) ? Role.QUOTED : Role.TEXT;
    }
    markLazyContinuations(lines, roles);
    int end = applyHeaders(lines, roles, hidden);
    end = cutAtMobileFooter(lines, roles, hidden, end);
    end = hideTrailing(lines, roles, hidden, end);
    return assemble(lines, roles, hidden);
  }

  /** Marks headers; returns where the new text ends because history follows unquoted. */
  private static int applyHeaders(Lines lines, Role[] roles, boolean[] hidden) {
    QuoteHeaderFinder finder = new QuoteHeaderFinder(lines);
    int n = lines.size();
    boolean textAbove = false;
    for (int i = 0; i < n; i++) {
      QuoteHeaderFinder.Header header = finder.headerAt(i);
      if (header == null) {
        textAbove |= !lines.isBlank(i);
        continue;
      }
      boolean quotesFollow = lines.isQuoted(lines.nextNonBlank(header.end()));
      if (header.type() == QuoteHeaderFinder.Type.ATTRIBUTION && quotesFollow) {
        mark(roles, header.start(), header.end(), Role.HEADER);
        i = header.end() - 1;
        continue;
      }
      if (!textAbove) {
        mark(roles, header.start(), header.end(), Role.HEADER);
        for (int j = header.start(); j < header.end(); j++) {
          hidden[j] = true;
        }
        i = header.end() - 1;
        continue;
      }
      mark(roles, header.start(), header.end(), Role.HEADER);
      for (int j = header.start(); j < n; j++) {
        if (j >= header.end()) {
          roles[j] = Role.QUOTED;
        }
        hidden[j] = true;
      }
      return header.start();
    }
    return n;
  }

  /**
   * Unquoted lines glued between quoted lines (or ending the body right after one) are a quoted line wrapped by
   * a client that did not re-add the `>`; they belong to the quote, not to an inline reply.
   */
  private static void markLazyContinuations(Lines lines, Role[] roles) {
    int n = lines.size();
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
        mark(roles, i, runEnd, Role.QUOTED);
      }
      i = runEnd;
    }
  }

  /** A mobile footer ends what the sender wrote: whatever follows it is history the client appended. */
  private static int cutAtMobileFooter(Lines lines, Role[] roles, boolean[] hidden, int cut) {
    boolean textAbove = false;
    for (int i = 0; i < cut; i++) {
      if (roles[i] == Role.TEXT && !lines.isBlank(i) && lines.get(i).length() <= 200
          && MailPatterns.MOBILE_FOOTER.matcher(lines.get(i)).find()) {
        if (!textAbove || lines.nextNonBlank(i + 1) >= cut) {
          return cut;
        }
        roles[i] = Role.SIGNATURE;
        hidden[i] = true;
        for (int j = i + 1; j < lines.size(); j++) {
          hidden[j] = true;
          if (roles[j] == Role.TEXT) {
            roles[j] = Role.QUOTED;
          }
        }
        return i;
      }
      textAbove |= !hidden[i] && !lines.isBlank(i);
    }
    return cut;
  }

  private static int hideTrailing(Lines lines, Role[] roles, boolean[] hidden, int cut) {
    int end = cut;
    while (true) {
      while (end > 0 && (lines.isBlank(end - 1) || roles[end - 1] != Role.TEXT)) {
        hidden[--end] = true;
      }
      int signature = signatureStart(lines, roles, hidden, end);
      if (signature < 0) {
        return end;
      }
      for (int j = signature; j < end; j++) {
        roles[j] = Role.SIGNATURE;
        hidden[j] = true;
      }
      end = signature;
    }
  }

  /** Start of a signature block ending at {@code end}, or -1; needs visible text above it. */
  private static int signatureStart(Lines lines, Role[] roles, boolean[] hidden, int end) {
    int found = -1;
    int nonBlankSeen = 0;
    int lowest = Math.max(0, end - MAX_SIGNATURE_LINES);
    for (int i = end - 1; i >= lowest && roles[i] == Role.TEXT; i--) {
      if (lines.isBlank(i)) {
        continue;
      }
      nonBlankSeen++;
      String line = lines.get(i);
      if (line.length() > 200) {
        continue;
      }
      if (MailPatterns.SIGNATURE_DELIMITER.matcher(line).find()
          || nonBlankSeen <= MOBILE_FOOTER_WINDOW && MailPatterns.MOBILE_FOOTER.matcher(line).find()) {
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

  private static void mark(Role[] roles, int from, int to, Role role) {
    for (int i = from; i < to; i++) {
      roles[i] = role;
    }
  }

  private static ReplyParts assemble(Lines lines, Role[] roles, boolean[] hidden) {
    StringBuilder visible = new StringBuilder();
    StringBuilder quoted = new StringBuilder();
    StringBuilder signature = new StringBuilder();
    List<Fragment> fragments = new ArrayList<>();
    int n = lines.size();
    int fragmentStart = 0;
    for (int i = 0; i < n; i++) {
      String line = lines.get(i);
      if (!hidden[i]) {
        appendLine(visible, line);
      } else if (roles[i] == Role.SIGNATURE) {
        appendLine(signature, line);
      } else if (roles[i] != Role.TEXT) {
        appendLine(quoted, line);
      }
      boolean startsNew = i > fragmentStart && !lines.isBlank(i)
          && (roles[i] != roles[fragmentStart] || hidden[i] != hidden[fragmentStart]);
      if (startsNew) {
        fragments.add(fragment(lines, roles, hidden, fragmentStart, i));
        fragmentStart = i;
      }
    }
    fragments.add(fragment(lines, roles, hidden, fragmentStart, n));
    return new ReplyParts(trim(visible), trim(quoted), trim(signature), fragments);
  }

  private static Fragment fragment(Lines lines, Role[] roles, boolean[] hidden, int from, int to) {
    Fragment.Kind kind = switch (roles[from]) {
      case TEXT -> Fragment.Kind.TEXT;
      case QUOTED -> Fragment.Kind.QUOTED;
      case HEADER -> Fragment.Kind.QUOTE_HEADER;
      case SIGNATURE -> Fragment.Kind.SIGNATURE;
    };
    return new Fragment(kind, lines.join(from, to), hidden[from]);
  }

  private static void appendLine(StringBuilder target, String line) {
    if (target.isEmpty() && line.isBlank()) {
      return;
    }
    target.append(line).append('\n');
  }

  private static String trim(StringBuilder text) {
    int end = text.length();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
