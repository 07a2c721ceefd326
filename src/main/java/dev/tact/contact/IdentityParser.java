package dev.tact.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.tact.shared.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a sender identity as people write it: {@code Ana@Example.COM}, {@code +1 (204) 555-0100},
 * {@code 0204 5550100} (read in the default region), or {@code twitter:@Name}. Anything else is
 * rejected with a reason.
 */
@Component
public class IdentityParser {

  private static final Pattern HANDLE = Pattern.compile("([a-zA-Z][a-zA-Z0-9_.-]{0,30}):@?([^\\s@:][^\\s]{0,99})");
  private static final Pattern EMAIL_LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}");
  private static final Pattern PHONE_CHARS = Pattern.compile("[+0-9()./\\s-]{3,40}");

  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
  private final String defaultRegion;
  private final EmailDomains domains = new EmailDomains(EmailDomains.DEFAULT_CAPACITY);

  public IdentityParser(ContactProperties properties) {
    this.defaultRegion = properties.defaultRegion().toUpperCase(Locale.ROOT);
  }

  public Identity parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ProblemException.invalid("missing-sender", "A sender identity is required: an email address, a phone number or a handle such as twitter:@name.");
    }
    String given = raw.strip();
    if (given.contains("@") && !HANDLE.matcher(given).matches()) {
      return email(given);
    }
    if (PHONE_CHARS.matcher(given).matches()) {
      return phone(given);
    }
    if (HANDLE.matcher(given).matches()) {
      return handle(given);
    }
    throw ProblemException.invalid("invalid-sender",
        "'" + given + "' is not an email address, a phone number or a handle such as twitter:@name.");
  }

  public Identity email(String raw) {
    String given = raw.strip();
    int at = given.lastIndexOf('@');
    if (at <= 0 || at == given.length() - 1 || given.length() > 320) {
      throw invalidEmail(given);
    }
    String local = given.substring(0, at);
    String domain = domains.normalized(given.substring(at + 1)).orElseThrow(() -> invalidEmail(given));
    if (!EMAIL_LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      throw invalidEmail(given);
    }
    return new Identity(IdentityKind.EMAIL, local.toLowerCase(Locale.ROOT) + "@" + domain, given);
  }

  public Identity phone(String raw) {
    String given = raw.strip();
    try {
      PhoneNumber number = phones.parse(given, defaultRegion);
      if (!phones.isValidNumber(number)) {
        throw invalidPhone(given);
      }
      return new Identity(IdentityKind.PHONE, phones.format(number, PhoneNumberFormat.E164), given);
    } catch (NumberParseException e) {
      throw invalidPhone(given);
    }
  }

  public Identity handle(String raw) {
    String given = raw.strip();
    var matcher = HANDLE.matcher(given);
    if (!matcher.matches()) {
      throw ProblemException.invalid("invalid-handle", "'" + given + "' is not a handle such as twitter:@name.");
    }
    String network = matcher.group(1).toLowerCase(Locale.ROOT);
    String handle = matcher.group(2).toLowerCase(Locale.ROOT);
    return new Identity(IdentityKind.HANDLE, network + ":" + handle, given);
  }

  private static ProblemException invalidEmail(String given) {
    return ProblemException.invalid("invalid-email", "'" + given + "' is not a valid email address.");
  }

  private ProblemException invalidPhone(String given) {
    return ProblemException.invalid("invalid-phone",
        "'" + given + "' is not a valid phone number (numbers without a country code are read as " + defaultRegion + ").");
  }
}
