package dev.tact.mail;

import dev.tact.mail.auth.AuthResult;
import dev.tact.mail.auth.AuthResultsHeader;
import dev.tact.mail.auth.AuthResultsParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a mail's From is authenticated, from the Authentication-Results (RFC 8601) that the
 * receiving host we trust wrote. Anyone can write an Authentication-Results header into a mail, so only
 * fields whose authserv-id is in {@code tact.mail.authentication.trusted-authserv-ids} count, and only
 * the topmost of them: from the first trusted field down to the next Received field. Trusted-looking
 * fields further down were there before our host received the mail, and are ignored. Within the fields
 * counted, the first result of a method (the topmost) wins. The mail is authenticated when DMARC passed
 * for the From domain; without a DMARC verdict (none, or an error), when DKIM passed for a domain aligned
 * with the From domain (the same, or one a subdomain of the other), or SPF passed for such a domain.
 * Pure and thread-safe; see ADR 0017.
 */
public final class SenderAuthenticator {

  private static final String FIELD = "Authentication-Results";

  private final Set<String> trusted;
  private final boolean requireVerdicts;

  public SenderAuthenticator(MailProperties.Authentication settings) {
    this.trusted = settings.trustedAuthservIds().stream().map(id -> id.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    this.requireVerdicts = settings.requireVerdicts();
  }

  /**
   * The verdict on a mail.
   *
   * @param headers the mail's top-level header fields, in order (topmost first)
   * @param fromAddress the From address, or null
   */
  public SenderAuthentication authenticate(List<MailHeader> headers, String fromAddress) {
    if (trusted.isEmpty()) {
      return SenderAuthentication.unknown("No receiving host is trusted (tact.mail.authentication."
          + "trusted-authserv-ids is empty).", requireVerdicts);
    }
    List<AuthResultsHeader> counted = topmostTrusted(headers);
    if (counted.isEmpty()) {
      return SenderAuthentication.unknown("No Authentication-Results from a trusted host.", requireVerdicts);
    }
    List<AuthResult> results = counted.stream().flatMap(h -> h.results().stream())
        .filter(r -> r.method().equals("dmarc") || r.method().equals("dkim") || r.method().equals("spf")).toList();
    String written = counted.stream().filter(h -> !h.results().isEmpty())
        .map(h -> h.authservId() + "; " + h.results().stream().map(AuthResult::toString)
            .collect(Collectors.joining("; ")))
        .collect(Collectors.joining(" | "));
    if (results.isEmpty()) {
      return new SenderAuthentication(SenderAuthentication.Verdict.UNKNOWN, !requireVerdicts,
          "The trusted host reported no SPF, DKIM or DMARC result.", written);
    }
    String fromDomain = domainOf(fromAddress);
    Optional<AuthResult> dmarc = results.stream().filter(r -> r.method().equals("dmarc")).findFirst()
        .filter(r -> r.property("header.from") == null || r.property("header.from").equalsIgnoreCase(fromDomain));
    if (dmarc.isPresent() && dmarc.get().passed()) {
      return authenticated("DMARC passed for " + fromDomain + ".", written);
    }
    if (dmarc.isPresent() && dmarc.get().result().equals("fail")) {
      return failed("DMARC failed for " + fromDomain + ".", written);
    }
    Optional<AuthResult> dkim = results.stream()
        .filter(r -> r.method().equals("dkim") && r.passed() && aligned(signingDomain(r), fromDomain)).findFirst();
    if (dkim.isPresent()) {
      return authenticated("DKIM passed for " + signingDomain(dkim.get()) + ", aligned with the From domain "
          + fromDomain + ".", written);
    }
    Optional<AuthResult> spf = results.stream().filter(r -> r.method().equals("spf")).findFirst()
        .filter(r -> r.passed() && aligned(domainOf(r.property("smtp.mailfrom")), fromDomain));
    if (spf.isPresent()) {
      return authenticated("SPF passed for " + domainOf(spf.get().property("smtp.mailfrom")) + ", aligned with the "
          + "From domain " + fromDomain + ".", written);
    }
    return failed("Neither DMARC, nor DKIM or SPF for the From domain " + (fromDomain == null ? "(none)" : fromDomain)
        + ", passed.", written);
  }

  /** The trusted fields from the topmost one down to the next Received field; untrusted ones skipped. */
  private List<AuthResultsHeader> topmostTrusted(List<MailHeader> headers) {
    List<AuthResultsHeader> counted = new ArrayList<>();
    for (MailHeader header : headers) {
      if (header.is(FIELD)) {
        AuthResultsParser.parse(header.value())
            .filter(h -> trusted.contains(h.authservId().toLowerCase(Locale.ROOT)))
            .ifPresent(counted::add);
      } else if (!counted.isEmpty() && header.is("Received")) {
        break;
      }
    }
    return counted;
  }

  private SenderAuthentication authenticated(String reason, String results) {
    return new SenderAuthentication(SenderAuthentication.Verdict.AUTHENTICATED, true, reason, results);
  }

  private SenderAuthentication failed(String reason, String results) {
    return new SenderAuthentication(SenderAuthentication.Verdict.FAILED, false, reason, results);
  }

  /** header.d, else the domain of header.i. */
  private static String signingDomain(AuthResult dkim) {
    String d = dkim.property("header.d");
    return d != null && !d.isBlank() ? d.strip().toLowerCase(Locale.ROOT) : domainOf(dkim.property("header.i"));
  }

  /** The domain of an address or a bare domain, lower case; null for null or blank. */
  static String domainOf(String addressOrDomain) {
    if (addressOrDomain == null || addressOrDomain.isBlank()) {
      return null;
    }
    String s = addressOrDomain.strip();
    if (s.startsWith("<") && s.endsWith(">")) {
      s = s.substring(1, s.length() - 1);
    }
    String domain = s.substring(s.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
  }

  /** Relaxed alignment without a public-suffix list: the same domain, or one a subdomain of the other. */
  static boolean aligned(String domain, String fromDomain) {
    if (domain == null || fromDomain == null || domain.isEmpty() || !domain.contains(".") || !fromDomain.contains(".")) {
      return false;
    }
    return domain.equals(fromDomain) || fromDomain.endsWith("." + domain) || domain.endsWith("." + fromDomain);
  }
}
