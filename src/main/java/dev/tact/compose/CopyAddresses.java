package dev.tact.compose;

import dev.tact.contact.IdentityParser;
import dev.tact.shared.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads the CC and BCC of a reply: addresses separated by commas, semicolons or spaces, each a valid email. */
@Component
public class CopyAddresses {

  public static final int MAX = 20;

  private final IdentityParser identities;

  CopyAddresses(IdentityParser identities) {
    this.identities = identities;
  }

  /** The addresses, normalised and without repeats; one that is not an email address answers 422. */
  public List<String> parse(String field, String given) {
    if (given == null || given.isBlank()) {
      return List.of();
    }
    Set<String> addresses = new LinkedHashSet<>();
    for (String part : given.split("[,;\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        addresses.add(identities.email(part).value());
      } catch (ProblemException e) {
        throw ProblemException.invalid("invalid-" + field, field.toUpperCase(java.util.Locale.ROOT) + ": '"
            + part.strip() + "' is not an email address.");
      }
    }
    if (addresses.size() > MAX) {
      throw ProblemException.invalid("too-many-" + field, "At most " + MAX + " addresses in "
          + field.toUpperCase(java.util.Locale.ROOT) + ".");
    }
    return new ArrayList<>(addresses);
  }

  public List<String> parse(String field, List<String> given) {
    return given == null ? List.of() : parse(field, String.join(",", given));
  }
}
