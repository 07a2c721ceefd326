package dev.tact.mail.forward;

import dev.tact.mail.ForwardedMessage;
import dev.tact.mail.reply.MailPatterns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a message forwarded inline in a text body and reads its header block. An explicit forward marker
 * ("Forwarded message", "Begin forwarded message:") is enough; an Outlook/Thunderbird header block or an
 * "On ... wrote:" line counts only under a forward subject (Fwd:, Fw:, WG:, TR:, RV:, ...), because replies carry
 * the same blocks.
 */
public final class InlineForwardParser {

  private static final int MAX_FIELD_LINES = 15;
  private static final Pattern QUOTE_PREFIX = Pattern.compile("^\\s{0,3}> ?");

  /** The forward in {@code text}, if any. */
  public Optional<ForwardedMessage> parse(String subject, String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    boolean forwardSubject = MailPatterns.FORWARD_SUBJECT.matcher(subject).find();
    for (int i = 0; i < lines.length; i++) {
      if (!MailPatterns.headerSized(lines[i]) || lines[i].isBlank()) {
        continue;
      }
      Optional<ForwardedMessage> found = forwardAt(lines, i, forwardSubject);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<ForwardedMessage> forwardAt(String[] lines, int i, boolean forwardSubject) {
    String line = lines[i];
    if (MailPatterns.FORWARD_MARKER.matcher(line).find()) {
      return fromHeaderBlock(lines, i, nextNonBlank(lines, i + 1));
    }
    if (!forwardSubject) {
      return Optional.empty();
    }
    if (MailPatterns.ORIGINAL_MESSAGE.matcher(line).find()) {
      return fromHeaderBlock(lines, i, nextNonBlank(lines, i + 1));
    }
    if (MailPatterns.SEPARATOR_LINE.matcher(line).find()) {
      int next = nextNonBlank(lines, i + 1);
      if (next < lines.length && next - i <= 2 && isFrom(unquote(lines[next]))) {
        return fromHeaderBlock(lines, i, next);
      }
      return Optional.empty();
    }
    if (isFrom(unquote(line)) && hasOtherField(lines, i + 1)) {
      return fromHeaderBlock(lines, i, i);
    }
    if (MailPatterns.WROTE_ENDING.matcher(line).find()) {
      return Optional.of(fromAttribution(lines, i));
    }
    return Optional.empty();
  }

  private Optional<ForwardedMessage> fromHeaderBlock(String[] lines, int marker, int fieldsStart) {
    HeaderFields fields = new HeaderFields();
    int i = fieldsStart;
    int limit = Math.min(lines.length, fieldsStart + MAX_FIELD_LINES);
    while (i < limit) {
      if (unquote(lines[i]).isBlank()) {
        // some clients write each field as a paragraph: one blank line, then the next field
        if (i + 1 < limit && isField(unquote(lines[i + 1]))) {
          i++;
          continue;
        }
        break;
      }
      fields.accept(unquote(lines[i]));
      i++;
    }
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Sender sender = Sender.parse(fields.from());
    String body = trimBlankLines(unquoteAll(Arrays.copyOfRange(lines, i, lines.length)));
    String comment = trimBlankLines(Arrays.asList(lines).subList(0, marker));
    return Optional.of(new ForwardedMessage(sender.address(), sender.name(), fields.date(),
        DateParsing.parse(fields.date()), fields.subject(), body, comment));
  }

  private ForwardedMessage fromAttribution(String[] lines, int index) {
    String attribution = lines[index].strip();
    Sender sender = Sender.parse(attribution.replaceFirst("(?i)^(on|am|le|el|il|op|em)\\s", ""));
    String body = trimBlankLines(unquoteAll(Arrays.copyOfRange(lines, index + 1, lines.length)));
    String comment = trimBlankLines(Arrays.asList(lines).subList(0, index));
    return new ForwardedMessage(sender.address(), sender.name(), "", null, "", body, comment);
  }

  private static boolean isField(String line) {
    return MailPatterns.headerSized(line) && (MailPatterns.FROM_FIELD.matcher(line).find()
        || MailPatterns.OTHER_HEADER_FIELD.matcher(line).find());
  }

  private static boolean isFrom(String line) {
    return MailPatterns.FROM_FIELD.matcher(line).find();
  }

  private static boolean hasOtherField(String[] lines, int from) {
    for (int i = from; i < Math.min(lines.length, from + 6) && !lines[i].isBlank(); i++) {
      if (MailPatterns.OTHER_HEADER_FIELD.matcher(unquote(lines[i])).find()) {
        return true;
      }
    }
    return false;
  }

  private static int nextNonBlank(String[] lines, int from) {
    int i = from;
    while (i < lines.length && unquote(lines[i]).isBlank()) {
      i++;
    }
    return i;
  }

  private static String unquote(String line) {
    Matcher matcher = QUOTE_PREFIX.matcher(line);
    return matcher.find() ? line.substring(matcher.end()) : line;
  }

  /** Removes one level of `>` quoting when every non-blank line has it (Apple Mail quotes forwards so). */
  private static List<String> unquoteAll(String[] lines) {
    boolean allQuoted = Arrays.stream(lines).filter(l -> !l.isBlank())
        .allMatch(l -> QUOTE_PREFIX.matcher(l).find());
    List<String> result = new ArrayList<>(lines.length);
    for (String line : lines) {
      result.add(allQuoted ? unquote(line) : line);
    }
    return result;
  }

  private static String trimBlankLines(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return String.join("\n", lines.subList(from, to)).stripTrailing();
  }
}
