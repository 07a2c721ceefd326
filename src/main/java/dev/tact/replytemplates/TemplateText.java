package dev.tact.replytemplates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Finds the merge fields of a template body and fills them from a record's values. */
final class TemplateText {

  private TemplateText() {
  }

  /** The fields a body uses that are not merge fields, each once. */
  static List<String> unknownFields(String body) {
    LinkedHashSet<String> unknown = new LinkedHashSet<>();
    Matcher m = MergeFields.PLACEHOLDER.matcher(body);
    while (m.find()) {
      if (!MergeFields.known(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    return List.copyOf(unknown);
  }

  /**
   * Fills a body. {@code values} maps a field to its value; a known field absent from it, or null or blank, is
   * missing. Given fields ({@code field.<label>}) are looked up by label, ignoring case.
   */
  static FilledReply fill(String body, Map<String, String> values, Map<String, String> givenByLowerLabel) {
    StringBuilder text = new StringBuilder();
    List<FilledReply.Part> parts = new ArrayList<>();
    LinkedHashSet<String> missing = new LinkedHashSet<>();
    LinkedHashSet<String> unknown = new LinkedHashSet<>();
    Matcher m = MergeFields.PLACEHOLDER.matcher(body);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        String plain = body.substring(at, m.start());
        text.append(plain);
        parts.add(new FilledReply.Part(FilledReply.Kind.TEXT, plain, null));
      }
      String field = m.group(1);
      String value = valueOf(field, values, givenByLowerLabel);
      if (!MergeFields.known(field)) {
        unknown.add(field);
        text.append(m.group());
        parts.add(new FilledReply.Part(FilledReply.Kind.UNKNOWN, m.group(), field));
      } else if (value == null || value.isBlank()) {
        missing.add(field);
        text.append(m.group());
        parts.add(new FilledReply.Part(FilledReply.Kind.MISSING, m.group(), field));
      } else {
        text.append(value);
        parts.add(new FilledReply.Part(FilledReply.Kind.FILLED, value, field));
      }
      at = m.end();
    }
    if (at < body.length()) {
      text.append(body.substring(at));
      parts.add(new FilledReply.Part(FilledReply.Kind.TEXT, body.substring(at), null));
    }
    return new FilledReply(text.toString(), parts, List.copyOf(missing), List.copyOf(unknown));
  }

  private static String valueOf(String field, Map<String, String> values, Map<String, String> given) {
    if (field.startsWith(MergeFields.GIVEN_PREFIX)) {
      return given.get(field.substring(MergeFields.GIVEN_PREFIX.length()).strip().toLowerCase(java.util.Locale.ROOT));
    }
    return values.get(field);
  }
}
