package dev.tact.mail.mime;

import dev.tact.mail.MailAddress;
import dev.tact.shared.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Parses address headers (From, To, Cc, Reply-To, Sender) leniently with mime4j's lenient parser, decodes display
 * names, lower-cases domains, and falls back to picking out anything that looks like an address.
 */
public final class Addresses {

  /*
   * An address starts only where a run of its characters starts (the lookbehind): tried from every position of a long
   * run without an "@", the pattern read to the run's end each time (a 20,000-character run: seconds). The match is
   * the same, since a match from inside a run is also one from the run's start.
   */
  private static final Pattern ADDRESS =
      Pattern.compile("(?<![^\\s<>()\",;:\\[\\]])[^\\s<>()\",;:\\[\\]]+@[^\\s<>()\",;:\\[\\]]+");

  private static final Pattern GLUED = Pattern.compile("([^<>]+?)\\s*<([^<>]+@[^<>]+)>");

  private Addresses() {
  }

  /** Every mailbox in the raw (undecoded) header value; groups are flattened. */
  public static List<MailAddress> parseList(String rawValue) {
    List<MailAddress> result = new ArrayList<>();
    if (rawValue == null || rawValue.isBlank()) {
      return result;
    }
    try {
      AddressList list = LenientAddressParser.DEFAULT.parseAddressList(rawValue);
      for (Address address : list) {
        if (address instanceof Mailbox mailbox) {
          add(result, mailbox);
        } else if (address instanceof Group group) {
          group.getMailboxes().forEach(mailbox -> add(result, mailbox));
        }
      }
    } catch (RuntimeException e) {
      result.clear();
    }
    if (result.isEmpty()) {
      Matcher matcher = ADDRESS.matcher(rawValue);
      while (matcher.find()) {
        result.add(new MailAddress(normalise(matcher.group()), null));
      }
    }
    return result;
  }

  /** The first mailbox of the raw header value, or null. */
  public static MailAddress parseFirst(String rawValue) {
    List<MailAddress> list = parseList(rawValue);
    return list.isEmpty() ? null : list.get(0);
  }

  private static void add(List<MailAddress> result, Mailbox mailbox) {
    String local = mailbox.getLocalPart();
    if (local == null || local.isBlank()) {
      return;
    }
    String domain = mailbox.getDomain();
    String address = domain == null || domain.isBlank() ? local : local + "@" + domain;
    String name = mailbox.getName();
    Matcher glued = GLUED.matcher(address);
    if (name == null && glued.matches()) {
      // "alice@example.com <bob@example.com>": an address used as display name, which mime4j reads as one
      name = glued.group(1);
      address = glued.group(2);
    }
    if (name != null) {
      name = ControlCharacters.singleLine(EncodedWords.decode(name)).strip();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).strip();
      }
    }
    address = normalise(address.strip());
    boolean nameIsAddress = name != null && name.equalsIgnoreCase(address);
    result.add(new MailAddress(address, name == null || name.isEmpty() || nameIsAddress ? null : name));
  }

  /** An address with its domain lower-cased. */
  public static String normalise(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? address : address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
  }
}
