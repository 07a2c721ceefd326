package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class StaffDomainsTests {

  /** A source whose addresses a test changes, counting how often it is read. */
  static final class Addresses implements StaffAddressSource {
    final String kind;
    final List<String> addresses = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();

    Addresses(String kind, String... addresses) {
      this.kind = kind;
      this.addresses.addAll(List.of(addresses));
    }

    @Override
    public String kind() {
      return kind;
    }

    @Override
    public List<String> staffAddresses() {
      reads.incrementAndGet();
      return List.copyOf(addresses);
    }
  }

  static final PublicMailDomains PROVIDERS = Set.of("gmail.com", "outlook.com", "yahoo.co.uk")::contains;

  final Addresses mailboxes = new Addresses("mailbox", "support@acme.example", "billing@Shop.Example");
  final Addresses agents = new Addresses("agent", "ian@gmail.com", "ada@acme.example", "kim@agency.example",
      "no-domain", "root@localhost");

  StaffDomains domains(boolean derive, String... configured) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("mailboxes", mailboxes);
    beans.addBean("agents", agents);
    beans.addBean("providers", PROVIDERS);
    return new StaffDomains(new MailProperties(List.of(configured), 10, 50, 500, MailProperties.Authentication.none(),
        derive), beans.getBeanProvider(StaffAddressSource.class), beans.getBeanProvider(PublicMailDomains.class));
  }

  @Test
  void shouldCountTheDomainsOfMailboxesAndAgentsAndTheirSubdomainsAsStaff() {
    StaffDomains staff = domains(true);

    assertThat(staff.isStaff("someone@acme.example")).isTrue();
    assertThat(staff.isStaff("someone@eu.ACME.example")).isTrue();
    assertThat(staff.isStaff("someone@shop.example")).as("a mailbox's domain, any case").isTrue();
    assertThat(staff.isStaff("kim@agency.example")).as("an agent's domain").isTrue();
    assertThat(staff.isStaff("someone@notacme.example")).isFalse();
    assertThat(staff.isStaff("someone@example")).isFalse();
    assertThat(staff.isStaff(null)).isFalse();
  }

  @Test
  void shouldNeverMakeAPublicMailProviderAStaffDomainBecauseAnAgentWritesFromIt() {
    agents.addresses.add("lee@mail.yahoo.co.uk");
    StaffDomains staff = domains(true);

    assertThat(staff.isStaff("customer@gmail.com")).as("a customer at gmail forwarding mail is no staff").isFalse();
    assertThat(staff.isStaff("ian@gmail.com")).as("not even the agent's own address counts").isFalse();
    assertThat(staff.isStaff("other@mail.yahoo.co.uk")).as("a provider's subdomain neither").isFalse();
    assertThat(staff.overview().publicProvidersLeftOut()).extracting(StaffDomains.StaffDomain::domain)
        .containsExactly("gmail.com", "mail.yahoo.co.uk");
    assertThat(staff.overview().staffDomains()).extracting(StaffDomains.StaffDomain::domain)
        .doesNotContain("gmail.com", "mail.yahoo.co.uk", "localhost");
  }

  @Test
  void shouldKeepWhatTheSettingListsEvenAPublicProvider() {
    StaffDomains staff = domains(true, "gmail.com", "partner.example");

    assertThat(staff.isStaff("ian@gmail.com")).isTrue();
    assertThat(staff.isStaff("pat@partner.example")).isTrue();
    assertThat(staff.overview().staffDomains()).contains(
        new StaffDomains.StaffDomain("partner.example", "tact.mail.staff-domains"),
        new StaffDomains.StaffDomain("acme.example", "mailbox support@acme.example"),
        new StaffDomains.StaffDomain("agency.example", "agent kim@agency.example"));
  }

  @Test
  void shouldDeriveNothingWhenSwitchedOff() {
    StaffDomains staff = domains(false, "partner.example");

    assertThat(staff.isStaff("ada@acme.example")).isFalse();
    assertThat(staff.isStaff("pat@partner.example")).isTrue();
    assertThat(staff.overview().derived()).isFalse();
    assertThat(staff.overview().staffDomains()).extracting(StaffDomains.StaffDomain::domain)
        .containsExactly("partner.example");
    assertThat(agents.reads).hasValue(0);
  }

  @Test
  void shouldReadTheSourcesOnceForManyMailsAndAgainAfterAChange() {
    StaffDomains staff = domains(true);
    for (int i = 0; i < 1000; i++) {
      staff.isStaff("someone-" + i + "@customer.example");
    }
    assertThat(agents.reads).hasValue(1);
    assertThat(staff.isStaff("new@newco.example")).isFalse();

    agents.addresses.add("nora@newco.example");
    staff.on(new StaffDomainsChanged("agent nora@newco.example created"));

    assertThat(staff.isStaff("new@newco.example")).isTrue();
    assertThat(agents.reads).hasValue(2);
  }
}
