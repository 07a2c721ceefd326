package dev.tact.mail.mime;

import dev.tact.mail.DeliveryReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the body of a {@code message/delivery-status} part (RFC 3464): a per-message block of fields, then one
 * block per recipient, blocks separated by blank lines.
 */
public final class DeliveryStatus {

  private DeliveryStatus() {
  }

  /** Reporting-MTA and recipients of the report text. */
  public record Fields(String reportingMta, List<DeliveryReport.Recipient> recipients) {
  }

  /** Parses leniently; unknown fields are ignored, recipients without an address are skipped. */
  public static Fields parse(String text) {
    String reportingMta = null;
    List<DeliveryReport.Recipient> recipients = new ArrayList<>();
    for (String block : text.replace("\r\n", "\n").split("\n[ \t]*\n")) {
      Map<String, String> fields = fields(block);
      if (fields.isEmpty()) {
        continue;
      }
      if (reportingMta == null && fields.containsKey("reporting-mta")) {
        reportingMta = stripType(fields.get("reporting-mta"));
      }
      String recipient = fields.containsKey("final-recipient") ? fields.get("final-recipient")
          : fields.get("original-recipient");
      if (recipient != null) {
        String action = fields.get("action");
        recipients.add(new DeliveryReport.Recipient(Addresses.normalise(stripAddress(stripType(recipient))),
            action == null ? null : action.strip().toLowerCase(Locale.ROOT), status(fields.get("status")),
            fields.get("diagnostic-code") == null ? null : stripType(fields.get("diagnostic-code"))));
      }
    }
    return new Fields(reportingMta, recipients);
  }

  private static Map<String, String> fields(String block) {
    Map<String, String> fields = new LinkedHashMap<>();
    String name = null;
    for (String line : block.split("\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        fields.merge(name, " " + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      fields.putIfAbsent(name, line.substring(colon + 1).strip());
    }
    return fields;
  }

  private static String stripType(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon >= 0 ? value.substring(semicolon + 1) : value).strip();
  }

  private static String stripAddress(String value) {
    String stripped = value.strip();
    if (stripped.startsWith("<") && stripped.endsWith(">")) {
      stripped = stripped.substring(1, stripped.length() - 1);
    }
    return stripped;
  }

  private static String status(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    int space = trimmed.indexOf(' ');
    return space > 0 ? trimmed.substring(0, space) : trimmed;
  }
}
