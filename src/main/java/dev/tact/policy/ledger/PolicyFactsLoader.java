package dev.tact.policy.ledger;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Channel;
import dev.tact.conversation.ContactActivity;
import dev.tact.conversation.ConversationManagement;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ContactAttempt;
import dev.tact.policy.ContactHistory;
import dev.tact.policy.OutboundChannel;
import dev.tact.policy.PolicyFacts;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gathers what the rules know of contacts: their zone, their phones' zones, country and
 * subdivision (contact module), open conversations and complaints, last activity and the channel
 * they last wrote on (conversation module), the consent and contact-history ledgers. Many
 * contacts load with a few queries per 1,000 contacts, not one per contact.
 */
@Component
public class PolicyFactsLoader {

  private static final String UNKNOWN_ZONE = "Etc/Unknown";

  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final ConsentLedger consents;
  private final ContactHistory history;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
  private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();

  PolicyFactsLoader(ContactManagement contacts, ConversationManagement conversations, ConsentLedger consents,
      ContactHistory history) {
    this.contacts = contacts;
    this.conversations = conversations;
    this.consents = consents;
    this.history = history;
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
    Map<UUID, PolicyFacts> facts = new HashMap<>();
    found.forEach((asked, contact) -> {
      ContactActivity a = activity.get(contact.id());
      facts.put(asked, new PolicyFacts(contact.id(), zoneOf(contact.timeZone()), phoneZones(contact.identities()),
          country(contact.country()), subdivision(contact.subdivision()),
          a == null ? null : outbound(a.lastInboundChannel()), ledger.get(contact.id()), attempts.get(contact.id()),
          a != null && a.openConversation(), a != null && a.openComplaint(), false,
          a == null ? null : a.lastActivity()));
    });
    return facts;
  }

  /** How we would answer someone on the channel they wrote on; a web form is answered by email. */
  public static OutboundChannel outbound(Channel channel) {
    if (channel == null) {
      return null;
    }
    return switch (channel) {
      case EMAIL, WEB -> OutboundChannel.EMAIL;
      case CHAT -> OutboundChannel.CHAT;
      case PHONE -> OutboundChannel.PHONE_CALL;
      case SMS -> OutboundChannel.SMS;
      case SOCIAL -> OutboundChannel.SOCIAL;
    };
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
