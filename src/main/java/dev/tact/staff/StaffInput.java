package dev.tact.staff;

import dev.tact.shared.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;

/** What admins and agents type into staff forms, checked and normalised; a 422 with a readable sentence otherwise. */
final class StaffInput {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private StaffInput() {}

  /** An email address, lower-cased. */
  static String email(String email) {
    String normal = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (normal.length() > 320 || !EMAIL.matcher(normal).matches()) {
      throw ProblemException.invalid("invalid-email", "'" + (email == null ? "" : email.strip())
          + "' is not an email address such as sam@example.com.");
    }
    return normal;
  }

  /** A person's name as shown to colleagues: 1 to 200 characters, on one line. */
  static String displayName(String name) {
    String normal = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (normal.isEmpty() || normal.length() > 200 || CONTROL.matcher(normal).find()) {
      throw ProblemException.invalid("invalid-name", "A name needs 1 to 200 characters on one line.");
    }
    return normal;
  }

  /** A team's name: 1 to 100 characters on one line. */
  static String teamName(String name) {
    String normal = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (normal.isEmpty() || normal.length() > 100 || CONTROL.matcher(normal).find()) {
      throw ProblemException.invalid("invalid-team-name", "A team needs a name of 1 to 100 characters.");
    }
    return normal;
  }
}
