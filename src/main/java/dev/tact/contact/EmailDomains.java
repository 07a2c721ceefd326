package dev.tact.contact;

import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The domain of an email address as Tact keeps it (IDNA ASCII, lower case, every label checked), remembered per
 * domain as written: senders share few domains, and converting one cost about a fifth of intake's CPU for a message.
 * At most {@code capacity} domains are kept; when full the cache starts over, so a flood of made-up domains costs
 * memory only up to the bound.
 */
final class EmailDomains {

  static final int DEFAULT_CAPACITY = 10_000;

  private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private final int capacity;
  private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

  EmailDomains(int capacity) {
    this.capacity = capacity;
  }

  /** The domain as kept, or empty when it is not a valid domain of an email address. */
  Optional<String> normalized(String given) {
    Optional<String> domain = known.get(given);
    if (domain == null) {
      domain = convert(given);
      if (known.size() >= capacity) {
        known.clear();
      }
      known.put(given, domain);
    }
    return domain;
  }

  int size() {
    return known.size();
  }

  private static Optional<String> convert(String given) {
    String domain;
    try {
      domain = IDN.toASCII(given, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (!DOMAIN_LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(domain);
  }
}
