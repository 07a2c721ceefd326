package dev.tact.mail;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Tact reads email.
 *
 * @param staffDomains domains whose senders are staff: when they forward a customer's or vendor's mail, the
 *     original sender becomes the requester and the forwarder is linked
 * @param maxAutomaticPerHour most automatic messages (auto-replies, bounces) filed from, or sent to, one address
 *     per hour; past it they are kept in the inbound log but not filed or sent, which breaks mail loops
 * @param maxDepth deepest MIME nesting read; deeper parts are kept in the raw message only
 * @param maxParts most MIME parts read from one message
 * @param authentication which receiving hosts' Authentication-Results count (see {@link SenderAuthenticator})
 * @param deriveStaffDomains whether the domains of the configured mailboxes and of the agents' addresses are staff
 *     domains too (public mail providers never are); false for a help desk whose customers share the staff's domain
 */
@ConfigurationProperties("tact.mail")
public record MailProperties(@DefaultValue List<String> staffDomains, @DefaultValue("10") int maxAutomaticPerHour,
    @DefaultValue("50") int maxDepth, @DefaultValue("500") int maxParts, @DefaultValue Authentication authentication,
    @DefaultValue("true") boolean deriveStaffDomains) {

  /** Settings without derived staff domains (tests and tools that read mail without a database). */
  public MailProperties(List<String> staffDomains, int maxAutomaticPerHour, int maxDepth, int maxParts,
      Authentication authentication) {
    this(staffDomains, maxAutomaticPerHour, maxDepth, maxParts, authentication, false);
  }

  /**
   * Whose word on a mail's sender counts.
   *
   * @param trustedAuthservIds the authserv-ids (RFC 8601) of the receiving hosts whose Authentication-Results are
   *     read, e.g. {@code mx.example.com}; empty: nobody's, every mail's sender is unknown
   * @param requireVerdicts whether a mail without a trusted verdict counts as not authenticated (true), or as
   *     unknown and given the benefit of the doubt (false, the default)
   */
  public record Authentication(@DefaultValue List<String> trustedAuthservIds,
      @DefaultValue("false") boolean requireVerdicts) {

    public Authentication {
      trustedAuthservIds = trustedAuthservIds.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    /** Trust nobody: every mail's sender is unknown, and passes. */
    public static Authentication none() {
      return new Authentication(List.of(), false);
    }
  }

  @ConstructorBinding
  public MailProperties {
    staffDomains = staffDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty())
        .toList();
  }

  /**
   * Whether this address belongs to one of the configured staff domains (or a subdomain of one); {@link
   * StaffDomains} adds the domains of the mailboxes and agents.
   */
  public boolean isStaff(String address) {
    if (address == null) {
      return false;
    }
    String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return staffDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
  }
}
