package dev.tact.policy.rules;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ContactAttempt;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.IncidentExposure;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A fluent builder of {@link PolicyFacts} for tests. */
final class Facts {

  static final UUID CONTACT = UUID.fromString("00000000-0000-0000-0000-000000000042");

  private ZoneId zone;
  private final Set<ZoneId> phoneZones = new LinkedHashSet<>();
  private String country;
  private String subdivision;
  private dev.tact.policy.Whereabouts whereabouts;
  private final List<dev.tact.policy.DoNotCallListing> doNotCall = new ArrayList<>();
  private final List<dev.tact.policy.BusinessRelationship> relationships = new ArrayList<>();
  private final List<dev.tact.policy.Emergency> emergencies = new ArrayList<>();
  private Channel lastInbound;
  private final List<ConsentEntry> consents = new ArrayList<>();
  private final List<ContactAttempt> history = new ArrayList<>();
  private boolean openConversation;
  private boolean openComplaint;
  private IncidentExposure incident;
  private Instant lastSupport;

  static Facts contact() {
    return new Facts();
  }

  /** The story's customer: Winnipeg, Manitoba; tweeted last; agreed to sales calls on a web form in 2010. */
  static Facts winnipeg() {
    return contact().zone("America/Winnipeg").in("CA", "mb").lastInbound(Channel.SOCIAL)
        .express(Channel.PHONE, Purpose.MARKETING);
  }

  /** Someone who phoned us last and agreed to sales calls and texts; in the given zone and region. */
  static Facts caller(String zone, String country, String subdivision) {
    return contact().zone(zone).in(country, subdivision).lastInbound(Channel.PHONE)
        .express(Channel.PHONE, Purpose.MARKETING).express(Channel.SMS, Purpose.MARKETING);
  }

  Facts zone(String id) {
    this.zone = id == null ? null : ZoneId.of(id);
    return this;
  }

  Facts phoneZones(String... ids) {
    for (String id : ids) {
      phoneZones.add(ZoneId.of(id));
    }
    return this;
  }

  Facts in(String country, String subdivision) {
    this.country = country;
    this.subdivision = subdivision;
    return this;
  }

  /**
   * A contact known only by these phone numbers (E.164): their zones and regions as Tact derives them from the
   * numbers (libphonenumber's time-zone and geocoding data).
   */
  Facts phones(String... numbers) {
    var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
    var mapper = com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper.getInstance();
    for (String number : numbers) {
      try {
        mapper.getTimeZonesForNumber(util.parse(number, "ZZ")).forEach(z -> phoneZones.add(ZoneId.of(z)));
      } catch (com.google.i18n.phonenumbers.NumberParseException e) {
        throw new IllegalArgumentException(number, e);
      }
    }
    this.whereabouts = dev.tact.policy.calendar.PlaceFinder.whereabouts(country, subdivision, List.of(numbers));
    return this;
  }

  Facts listed(dev.tact.policy.DoNotCallRegister register, String number, String registeredOn) {
    doNotCall.add(new dev.tact.policy.DoNotCallListing(register, number, java.time.LocalDate.parse(registeredOn)));
    return this;
  }

  Facts related(dev.tact.policy.BusinessRelationship.Kind kind, Instant at) {
    relationships.add(new dev.tact.policy.BusinessRelationship(kind, at, "order"));
    return this;
  }

  Facts emergency(String country, String subdivision, Instant starts, Instant ends, boolean exemptionsSuspended) {
    emergencies.add(new dev.tact.policy.Emergency(UUID.randomUUID(), "Hurricane", new dev.tact.policy.Region(country,
        subdivision), starts, ends, exemptionsSuspended, "lead", starts));
    return this;
  }

  Facts expressGiven(Channel channel, Instant givenAt) {
    consents.add(new ConsentEntry(ConsentEntry.Kind.EXPRESS, channel, Purpose.MARKETING, null, "web form", "form 18",
        givenAt, null, givenAt));
    return this;
  }

  Facts lastInbound(Channel channel) {
    this.lastInbound = channel;
    return this;
  }

  Facts express(Channel channel, Purpose purpose) {
    consents.add(new ConsentEntry(ConsentEntry.Kind.EXPRESS, channel, purpose, null, "web form", "form 17",
        Instant.parse("2010-05-01T12:00:00Z"), null));
    return this;
  }

  Facts implied(Channel channel, Instant expiresAt) {
    consents.add(new ConsentEntry(ConsentEntry.Kind.IMPLIED, channel, Purpose.MARKETING, null, "purchase",
        "order 9", expiresAt.minus(Duration.ofDays(730)), expiresAt));
    return this;
  }

  Facts optOut(Channel channel, Purpose purpose, String subject) {
    consents.add(new ConsentEntry(ConsentEntry.Kind.OPT_OUT, channel, purpose, subject, "agent note",
        "not interested", Instant.parse("2011-10-10T16:05:00Z"), null));
    return this;
  }

  Facts attempt(Channel channel, Purpose purpose, String subject, Instant at) {
    history.add(new ContactAttempt(channel, purpose, subject, at));
    return this;
  }

  Facts openConversation() {
    this.openConversation = true;
    return this;
  }

  Facts openComplaint() {
    this.openConversation = true;
    this.openComplaint = true;
    return this;
  }

  Facts incident() {
    this.incident = new IncidentExposure("INC-7", "Web hosting unreachable", null, null);
    return this;
  }

  /** Affected by an incident resolved at {@code resolvedAt}, with no sales contact until {@code quietUntil}. */
  Facts resolvedIncident(Instant resolvedAt, Instant quietUntil) {
    this.incident = new IncidentExposure("INC-7", "Web hosting unreachable", resolvedAt, quietUntil);
    return this;
  }

  Facts lastSupport(Instant at) {
    this.lastSupport = at;
    return this;
  }

  PolicyFacts build() {
    dev.tact.policy.Whereabouts where = whereabouts != null ? whereabouts
        : dev.tact.policy.Whereabouts.profile(country, subdivision);
    return new PolicyFacts(CONTACT, zone, phoneZones, where, lastInbound, consents, history, openConversation,
        openComplaint, incident, lastSupport, doNotCall, relationships, emergencies);
  }

  static DecisionRequest ask(Channel channel, Purpose purpose, String subject, Instant at) {
    return new DecisionRequest(CONTACT, channel, purpose, subject, at);
  }

  /** An instant given as local time in a zone: {@code at("2011-10-10T11:00", "America/Winnipeg")}. */
  static Instant at(String localDateTime, String zone) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
  }
}
