package dev.tact.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.TestPropertySource;

/**
 * The contact module on its own (with the modules it depends on, none above it): identities resolve to one
 * contact, and a merge moves them and tells the other modules with the event they need.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:contact-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false"})
class ContactModuleTests {

  private final ContactManagement contacts;
  private final IdentityParser identities;

  ContactModuleTests(ContactManagement contacts, IdentityParser identities) {
    this.contacts = contacts;
    this.identities = identities;
  }

  @Test
  void shouldResolveTheSameIdentityToTheSameContact() {
    Identity email = identities.parse("siobhan@example.ie");
    Contact first = contacts.resolve(email, new ContactNames("Siobhán Ní Bhriain", null, null));
    Contact again = contacts.resolve(identities.parse("Siobhan@Example.ie"), new ContactNames(null, null, null));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.name()).isEqualTo("Siobhán Ní Bhriain");
  }

  @Test
  void shouldMoveIdentitiesAndPublishTheMergeWhenTwoContactsAreMerged(AssertablePublishedEvents events) {
    Contact byMail = contacts.resolve(identities.parse("kenji@example.jp"), new ContactNames("Kenji Watanabe", null, null));
    Contact byPhone = contacts.resolve(identities.parse("+1 204 555 0142"), new ContactNames(null, null, null));

    contacts.merge(byMail.id(), byPhone.id(), "Ada");

    assertThat(contacts.findByIdentity(identities.parse("+12045550142")).map(Contact::id)).contains(byMail.id());
    assertThat(contacts.require(byMail.id()).identities()).extracting(Identity::kind)
        .containsExactlyInAnyOrderElementsOf(List.of(IdentityKind.EMAIL, IdentityKind.PHONE));
    assertThat(events).contains(ContactsMerged.class)
        .matching(ContactsMerged::survivorId, byMail.id())
        .matching(ContactsMerged::mergedId, byPhone.id());
  }
}
