package dev.tact.delivery.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One header field as it stands in the message: its name and its raw text, folds included, without the last CRLF. */
record HeaderField(String name, String raw) {

  String lowerName() {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The header fields of a header block whose lines end in CRLF. Text before a first colon-less line is ignored. */
  static List<HeaderField> parse(String headerBlock) {
    List<HeaderField> fields = new ArrayList<>();
    StringBuilder current = null;
    for (String line : headerBlock.split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
      if (continuation && current != null) {
        current.append("\r\n").append(line);
        continue;
      }
      if (current != null) {
        fields.add(of(current.toString()));
      }
      current = line.indexOf(':') > 0 ? new StringBuilder(line) : null;
    }
    if (current != null) {
      fields.add(of(current.toString()));
    }
    return fields;
  }

  private static HeaderField of(String raw) {
    return new HeaderField(raw.substring(0, raw.indexOf(':')).strip(), raw);
  }
}
