package dev.tact.incident;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityParser;
import dev.tact.delivery.OutboundRequest;
import dev.tact.delivery.Outbox;
import dev.tact.policy.Purpose;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to incident notices from the status page, with double opt-in: the address gets a link, asked of the
 * contact policy and queued in the outbox like every message, and only a confirmed subscription receives notices.
 * Every notice carries its subscriber's link to stop them. The answer to a subscription never says whether the
 * address was known.
 */
@Service
public class StatusSubscriptions {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a confirmation or an unsubscription found. */
  public record Found(String email, String scope, boolean changed) {}

  private final IncidentStore store;
  private final Components components;
  private final ContactManagement contacts;
  private final IdentityParser identities;
  private final Outbox outbox;
  private final IncidentProperties properties;
  private final Clock clock;

  StatusSubscriptions(IncidentStore store, Components components, ContactManagement contacts,
      IdentityParser identities, Outbox outbox, IncidentProperties properties, Clock clock) {
    this.store = store;
    this.components = components;
    this.contacts = contacts;
    this.identities = identities;
    this.outbox = outbox;
    this.properties = properties;
    this.clock = clock;
  }

  /** Records an unconfirmed subscription and queues its confirmation link (once per pending subscription). */
  @Transactional
  public void subscribe(String email, UUID componentId) {
    if (email == null || email.isBlank()) {
      throw ProblemException.invalid("missing-email", "Give the email address to send notices to.");
    }
    Identity identity = identities.email(email.strip());
    String scope = componentId == null ? "every component" : components.require(componentId).name();
    if (store.activeSubscription(identity.value(), componentId).isPresent()) {
      return;
    }
    Contact contact = contacts.resolve(identity, new ContactNames(null, null, null));
    UUID id = Ids.newId();
    String token = token();
    store.insertSubscriber(id, contact.id(), identity.value(), componentId, token, clock.instant());
    String link = properties.baseUrl() + "/status/subscriptions/" + token + "/confirm";
    outbox.queue(new OutboundRequest(contact.id(), "Confirm your subscription to " + properties.statusTitle(),
        "Someone, probably you, asked to hear from us when an incident affects " + scope + ".\n\nTo confirm, open: "
            + link + "\n\nIf it was not you, ignore this message: nothing will be sent without the confirmation.\n",
        Purpose.TRANSACTIONAL, "status-confirm:" + id), "status page");
  }

  @Transactional
  public Optional<Found> confirm(String token) {
    return store.subscriptionByToken(token).filter(s -> s.unsubscribedAt() == null)
        .map(s -> new Found(s.email(), scope(s), store.confirm(s.id(), clock.instant())));
  }

  @Transactional
  public Optional<Found> unsubscribe(String token) {
    return store.subscriptionByToken(token)
        .map(s -> new Found(s.email(), scope(s), store.unsubscribe(s.id(), clock.instant())));
  }

  public Optional<Found> find(String token) {
    return store.subscriptionByToken(token).map(s -> new Found(s.email(), scope(s), false));
  }

  private String scope(IncidentStore.Subscription s) {
    return s.componentId() == null ? "every component"
        : store.findComponent(s.componentId()).map(Component::name).orElse("a removed component");
  }

  private static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
