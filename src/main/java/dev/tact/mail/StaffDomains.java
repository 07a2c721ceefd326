package dev.tact.mail;

import dev.tact.shared.RefreshingValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Which senders are Tact's own staff: the domains of {@code tact.mail.staff-domains}, and (unless {@code
 * tact.mail.derive-staff-domains=false}) the domains of the configured mailboxes and of the agents' addresses, each
 * with its subdomains. A public mail provider (gmail.com, …) never becomes a staff domain through a mailbox or an
 * agent: a customer writing from it would otherwise count as staff; only the setting can name one. Asked for every
 * mail, so the derived domains are kept in memory: read again when this node changes a mailbox or an agent ({@link
 * StaffDomainsChanged}), and at most {@link #REFRESH} after another node did.
 */
@Service
public class StaffDomains {

  /** How long derived domains are kept before they are read again (for changes made on other nodes). */
  public static final Duration REFRESH = Duration.ofSeconds(30);

  /** One domain and why it is (or is not) a staff domain, e.g. "mailbox support@acme.example". */
  public record StaffDomain(String domain, String origin) {}

  /**
   * What is in force, for admins: the staff domains, and the domains of staff addresses left out because they
   * belong to public mail providers.
   */
  public record Overview(List<StaffDomain> staffDomains, List<StaffDomain> publicProvidersLeftOut, boolean derived) {}

  private record Derived(Map<String, String> domains, Map<String, String> leftOut) {}

  private final MailProperties properties;
  private final ObjectProvider<StaffAddressSource> sources;
  private final ObjectProvider<PublicMailDomains> publicDomains;
  private final RefreshingValue<Derived> derived;

  StaffDomains(MailProperties properties, ObjectProvider<StaffAddressSource> sources,
      ObjectProvider<PublicMailDomains> publicDomains) {
    this.properties = properties;
    this.sources = sources;
    this.publicDomains = publicDomains;
    this.derived = new RefreshingValue<>(this::derive, REFRESH);
  }

  /** Whether this address belongs to a staff domain or a subdomain of one; false for null. */
  public boolean isStaff(String address) {
    if (properties.isStaff(address)) {
      return true;
    }
    if (address == null || !properties.deriveStaffDomains()) {
      return false;
    }
    Map<String, String> domains = derived.get().domains();
    for (String domain = domainOf(address); !domain.isEmpty(); domain = parentOf(domain)) {
      if (domains.containsKey(domain)) {
        return true;
      }
    }
    return false;
  }

  /** The staff domains in force and where each comes from. */
  public Overview overview() {
    List<StaffDomain> inForce = new ArrayList<>();
    properties.staffDomains().forEach(d -> inForce.add(new StaffDomain(d, "tact.mail.staff-domains")));
    List<StaffDomain> leftOut = new ArrayList<>();
    if (properties.deriveStaffDomains()) {
      Derived now = derived.get();
      now.domains().forEach((d, origin) -> {
        if (!properties.staffDomains().contains(d)) {
          inForce.add(new StaffDomain(d, origin));
        }
      });
      now.leftOut().forEach((d, origin) -> leftOut.add(new StaffDomain(d, origin)));
    }
    inForce.sort(Comparator.comparing(StaffDomain::domain));
    leftOut.sort(Comparator.comparing(StaffDomain::domain));
    return new Overview(List.copyOf(inForce), List.copyOf(leftOut), properties.deriveStaffDomains());
  }

  @EventListener
  void on(StaffDomainsChanged changed) {
    derived.forgetAfterCommit();
  }

  private Derived derive() {
    PublicMailDomains providers = publicDomains.getIfAvailable();
    Map<String, String> domains = new HashMap<>();
    Map<String, String> leftOut = new HashMap<>();
    sources.orderedStream().forEach(source -> {
      for (String address : source.staffAddresses()) {
        String domain = address == null ? "" : domainOf(address);
        if (domain.isEmpty() || !domain.contains(".")) {
          continue;
        }
        String origin = source.kind() + " " + address.strip().toLowerCase(Locale.ROOT);
        if (isPublicProvider(providers, domain)) {
          leftOut.putIfAbsent(domain, origin);
        } else {
          domains.putIfAbsent(domain, origin);
        }
      }
    });
    return new Derived(Map.copyOf(domains), Map.copyOf(leftOut));
  }

  /** Whether the domain, or a domain it belongs to, is a public mail provider's. */
  private static boolean isPublicProvider(PublicMailDomains providers, String domain) {
    if (providers == null) {
      return false;
    }
    for (String d = domain; d.contains("."); d = parentOf(d)) {
      if (providers.isPublicMailDomain(d)) {
        return true;
      }
    }
    return false;
  }

  /** The domain after the last {@code @}, lower case, without a trailing dot; "" without one. */
  static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return "";
    }
    String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
  }

  private static String parentOf(String domain) {
    int dot = domain.indexOf('.');
    return dot < 0 ? "" : domain.substring(dot + 1);
  }

  /** For tests: the derived domains as this node knows them now. */
  Set<String> derivedDomains() {
    return derived.get().domains().keySet();
  }
}
