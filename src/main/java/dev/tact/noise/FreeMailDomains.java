package dev.tact.noise;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.mail.PublicMailDomains;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The free-mail providers (gmail.com, gmx.de, qq.com, …) whose customers are strangers to each other: mail-bomb
 * limits count their senders one by one, never the domain as a whole. The list in force is the one shipped with
 * Tact ({@value #RESOURCE}) with the admins' additions and removals applied; every change is audited. A node
 * reads the changes other nodes made at most {@code tact.noise.refresh-interval} later.
 */
@Service
public class FreeMailDomains implements PublicMailDomains {

  /** One domain: whether it is on the list, whether Tact ships it, and the admin's change, if any. */
  public record FreeMailDomain(String domain, boolean listed, boolean shipped, Instant changedAt, String changedBy) {}

  static final String RESOURCE = "noise/free-mail-domains.txt";

  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

  private record Changes(Set<String> added, Set<String> removed, Instant readAt) {}

  private final Set<String> shipped;
  private final FreeMailDomainStore store;
  private final AuditLog auditLog;
  private final NoiseProperties properties;
  private final Clock clock;
  private volatile Changes changes;

  FreeMailDomains(FreeMailDomainStore store, AuditLog auditLog, NoiseProperties properties, Clock clock) {
    this.shipped = Set.copyOf(readShipped());
    this.store = store;
    this.auditLog = auditLog;
    this.properties = properties;
    this.clock = clock;
  }

  /** Whether senders of this domain (any case) are limited one by one only. */
  public boolean isFreeMail(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    Changes now = current();
    return now.added().contains(d) || shipped.contains(d) && !now.removed().contains(d);
  }

  /**
   * Whether the domain is a public mail provider's, for staff domains: shipped or added by an admin. Taking a
   * provider off the list changes how its senders are limited, never makes it a company's own domain.
   */
  @Override
  public boolean isPublicMailDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    return shipped.contains(d) || current().added().contains(d);
  }

  /** The domains on the list containing {@code query} (all when blank), in alphabetical order. */
  public PageResult<String> list(String query, PageRequest page) {
    String part = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    Changes now = current();
    TreeSet<String> listed = new TreeSet<>(shipped);
    listed.addAll(now.added());
    listed.removeAll(now.removed());
    List<String> matching = listed.stream().filter(d -> d.contains(part)).toList();
    int from = (int) Math.min(page.offset(), matching.size());
    return new PageResult<>(matching.subList(from, Math.min(from + page.size(), matching.size())), page.page(),
        page.size(), matching.size());
  }

  /** Whether one domain is on the list, and who changed that. A value that is no domain name: 422. */
  public FreeMailDomain describe(String domain) {
    String d = normalise(domain);
    return store.find(d)
        .map(c -> new FreeMailDomain(d, c.listed(), shipped.contains(d), c.changedAt(), c.changedBy()))
        .orElseGet(() -> new FreeMailDomain(d, shipped.contains(d), shipped.contains(d), null, null));
  }

  /** What the admins changed, newest first. */
  public List<FreeMailDomain> changes() {
    return store.all().stream()
        .map(c -> new FreeMailDomain(c.domain(), c.listed(), shipped.contains(c.domain()), c.changedAt(), c.changedBy()))
        .toList();
  }

  /** Puts a domain on the list (nothing happens when it is on it). */
  @Transactional
  public FreeMailDomain add(String domain, String by) {
    FreeMailDomain before = describe(domain);
    if (before.listed()) {
      return before;
    }
    change(before, true, by);
    return audited("noise.free-mail.added", "Added " + before.domain() + " to the free-mail providers: its senders "
        + "are limited one by one, not as a domain.", before);
  }

  /** Takes a domain off the list: its senders count against the per-domain limit again. Not on it: 404. */
  @Transactional
  public FreeMailDomain remove(String domain, String by) {
    FreeMailDomain before = describe(domain);
    if (!before.listed()) {
      throw new ProblemException(404, "free-mail-domain-not-found", "Free-mail domain not found",
          before.domain() + " is not on the list of free-mail providers.");
    }
    change(before, false, by);
    return audited("noise.free-mail.removed", "Took " + before.domain() + " off the free-mail providers: its "
        + "senders count against the per-domain limit again.", before);
  }

  private void change(FreeMailDomain before, boolean listed, String by) {
    if (before.shipped() == listed) {
      store.delete(before.domain());
    } else {
      store.save(new FreeMailDomainStore.Change(before.domain(), listed, clock.instant(), by));
    }
    forgetChangesAfterCommit();
  }

  private FreeMailDomain audited(String action, String summary, FreeMailDomain before) {
    FreeMailDomain after = describe(before.domain());
    auditLog.record(AuditRecord.of(action, "freeMailDomain", before.domain(), summary)
        .change(Map.of("listed", before.listed()), Map.of("listed", after.listed())));
    return after;
  }

  private void forgetChangesAfterCommit() {
    changes = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          changes = null;
        }
      });
    }
  }

  private Changes current() {
    Changes known = changes;
    Instant now = clock.instant();
    if (known == null || known.readAt().plus(properties.refreshInterval()).isBefore(now)) {
      Set<String> added = new HashSet<>();
      Set<String> removed = new HashSet<>();
      for (FreeMailDomainStore.Change change : store.all()) {
        (change.listed() ? added : removed).add(change.domain());
      }
      known = new Changes(Set.copyOf(added), Set.copyOf(removed), now);
      changes = known;
    }
    return known;
  }

  static String normalise(String domain) {
    String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    try {
      d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      d = "";
    }
    if (d.length() > 253 || !DOMAIN.matcher(d).matches()) {
      throw ProblemException.invalid("invalid-domain", "'" + domain + "' is not a domain name such as gmail.com.");
    }
    return d;
  }

  /** The shipped list: one domain a line, {@code #} comments. */
  static Set<String> readShipped() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      Set<String> domains = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String d = line.strip();
        if (!d.isEmpty() && !d.startsWith("#")) {
          domains.add(d.toLowerCase(Locale.ROOT));
        }
      }
      return domains;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
