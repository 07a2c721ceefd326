package dev.tact.policy.ledger;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.ContactActivity;
import dev.tact.conversation.ConversationManagement;
import dev.tact.policy.BusinessRelationship;
import dev.tact.policy.BusinessRelationships;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ContactAttempt;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.ContactPlace;
import dev.tact.policy.DoNotCallListing;
import dev.tact.policy.DoNotCallRegisters;
import dev.tact.policy.Emergencies;
import dev.tact.policy.Emergency;
import dev.tact.policy.IncidentExposure;
import dev.tact.policy.IncidentExposures;
import dev.tact.policy.PolicyChannels;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Region;
import dev.tact.policy.Whereabouts;
import dev.tact.policy.calendar.CandidateZones;
import dev.tact.policy.calendar.PlaceFinder;
import dev.tact.shared.Channel;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gathers what the rules know of contacts: their zone, their phones' zones, where they are (the
 * profile's country and subdivision, else what their phone numbers' area codes say: {@link
 * PlaceFinder}), open conversations and complaints, last activity and the channel they last wrote
 * on (conversation module), the consent and contact-history ledgers, business relationships,
 * do-not-call listings of their numbers, declared emergencies where they are and the incidents affecting them
 * (from the incidents module, through {@link IncidentExposures}). Many contacts
 * load with a few queries per 1,000 contacts, not one per contact.
 */
@Component
public class PolicyFactsLoader {

  private static final String UNKNOWN_ZONE = "Etc/Unknown";

  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final ConsentLedger consents;
  private final ContactHistory history;
  private final BusinessRelationships relationships;
  private final DoNotCallRegisters registers;
  private final Emergencies emergencies;
  private final ObjectProvider<IncidentExposures> incidents;
  private final Clock clock;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
  private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();

  PolicyFactsLoader(ContactManagement contacts, ConversationManagement conversations, ConsentLedger consents,
      ContactHistory history, BusinessRelationships relationships, DoNotCallRegisters registers,
      Emergencies emergencies, ObjectProvider<IncidentExposures> incidents, Clock clock) {
    this.incidents = incidents;
    this.clock = clock;
    this.contacts = contacts;
    this.conversations = conversations;
    this.consents = consents;
    this.history = history;
    this.relationships = relationships;
    this.registers = registers;
    this.emergencies = emergencies;
  }

  /** Where the contact is, for the policy: the profile, else their phone numbers. */
  public static Whereabouts whereabouts(Contact contact) {
    return PlaceFinder.whereabouts(country(contact.country()), subdivision(contact.subdivision()), phonesOf(contact));
  }

  /** Where the contact is and the zones their local time is read in, as the rules see them. */
  public ContactPlace placeOf(Contact contact) {
    Whereabouts where = whereabouts(contact);
    CandidateZones candidates = CandidateZones.of(zoneOf(contact.timeZone()), phoneZones(contact.identities()), where);
    return new ContactPlace(where, candidates.zones(), candidates.source());
  }

  private static List<String> phonesOf(Contact contact) {
    return contact.identities().stream().filter(i -> i.kind() == IdentityKind.PHONE).map(Identity::value).toList();
  }

  /**
   * The facts of each known contact, keyed by the id asked for (a merged-away id gets the facts of
   * the contact it was merged into); unknown ids are absent.
   */
  public Map<UUID, PolicyFacts> loadAll(Collection<UUID> contactIds) {
    Map<UUID, Contact> found = contacts.findAll(contactIds);
    Set<UUID> current = new LinkedHashSet<>();
    found.values().forEach(c -> current.add(c.id()));
    Map<UUID, ContactActivity> activity = conversations.activityOf(current);
    Map<UUID, List<ConsentEntry>> ledger = consents.entriesOf(current);
    Map<UUID, List<ContactAttempt>> attempts = history.attemptsOf(current);
    Map<UUID, List<BusinessRelationship>> related = relationships.ofAll(current);
    Map<String, List<DoNotCallListing>> listed = new HashMap<>();
    List<String> numbers = found.values().stream().flatMap(c -> phonesOf(c).stream()).distinct().toList();
    registers.listingsOf(numbers).forEach(l -> listed.computeIfAbsent(l.number(), k -> new ArrayList<>()).add(l));
    List<Emergency> declared = emergencies.all();
    IncidentExposures exposures = incidents.getIfAvailable();
    Map<UUID, IncidentExposure> affected = exposures == null || current.isEmpty() ? Map.of()
        : exposures.exposures(current, clock.instant());
    Map<UUID, PolicyFacts> facts = new HashMap<>();
    found.forEach((asked, contact) -> {
      ContactActivity a = activity.get(contact.id());
      Whereabouts where = whereabouts(contact);
      List<DoNotCallListing> onRegisters = phonesOf(contact).stream()
          .flatMap(n -> listed.getOrDefault(n, List.of()).stream()).toList();
      facts.put(asked, new PolicyFacts(contact.id(), zoneOf(contact.timeZone()), phoneZones(contact.identities()),
          where, a == null ? null : PolicyChannels.answering(a.lastInboundChannel()), ledger.get(contact.id()),
          attempts.get(contact.id()), a != null && a.openConversation(), a != null && a.openComplaint(),
          affected.get(contact.id()),
          a == null ? null : a.lastActivity(), onRegisters, related.get(contact.id()), emergenciesIn(where, declared)));
    });
    return facts;
  }

  private static List<Emergency> emergenciesIn(Whereabouts where, List<Emergency> declared) {
    List<Emergency> in = new ArrayList<>();
    for (Emergency emergency : declared) {
      for (Region region : where.regions()) {
        if (region.within(emergency.region())) {
          in.add(emergency);
          break;
        }
      }
    }
    return in;
  }

  Set<ZoneId> phoneZones(List<Identity> identities) {
    Set<ZoneId> result = new LinkedHashSet<>();
    for (Identity identity : identities) {
      if (identity.kind() != IdentityKind.PHONE) {
        continue;
      }
      try {
        for (String zone : zones.getTimeZonesForNumber(phones.parse(identity.value(), "ZZ"))) {
          if (!UNKNOWN_ZONE.equals(zone)) {
            ZoneId id = zoneOf(zone);
            if (id != null) {
              result.add(id);
            }
          }
        }
      } catch (NumberParseException notANumber) {
        // stored numbers are E.164; one that is not gives no zone, and the rules fail closed without one
      }
    }
    return result;
  }

  static ZoneId zoneOf(String zone) {
    if (zone == null || zone.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException unknownZone) {
      return null;
    }
  }

  static String country(String country) {
    return country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
  }

  /** "CA-MB", "ca-mb" and "MB" all become "mb", as the holiday calendars name subdivisions. */
  static String subdivision(String subdivision) {
    if (subdivision == null || subdivision.isBlank()) {
      return null;
    }
    String s = subdivision.strip().toLowerCase(Locale.ROOT);
    int dash = s.indexOf('-');
    return dash >= 0 ? s.substring(dash + 1) : s;
  }
}
