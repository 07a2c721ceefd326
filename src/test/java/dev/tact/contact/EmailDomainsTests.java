package dev.tact.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailDomainsTests {

  @Test
  void shouldConvertInternationalDomainsAndRefuseBrokenOnes() {
    EmailDomains domains = new EmailDomains(100);
    assertThat(domains.normalized("Bücher.DE")).contains("xn--bcher-kva.de");
    assertThat(domains.normalized("example.com")).contains("example.com");
    assertThat(domains.normalized("localhost")).isEmpty();
    assertThat(domains.normalized("-bad-.example.com")).isEmpty();
    assertThat(domains.normalized("under_score.example.com")).isEmpty();
  }

  @Test
  void shouldAnswerARepeatedDomainFromWhatItKeptAndTheSameAsTheFirstTime() {
    EmailDomains domains = new EmailDomains(100);
    Optional<String> first = domains.normalized("Sub.Example.ORG");
    Optional<String> again = domains.normalized("Sub.Example.ORG");
    assertThat(again).isSameAs(first).contains("sub.example.org");
    assertThat(domains.normalized("no-dot")).isSameAs(domains.normalized("no-dot")).isEmpty();
    assertThat(domains.size()).isEqualTo(2);
  }

  @Test
  void shouldNeverKeepMoreDomainsThanItsCapacity() {
    EmailDomains domains = new EmailDomains(50);
    for (int i = 0; i < 1_000; i++) {
      assertThat(domains.normalized("shop" + i + ".example.com")).contains("shop" + i + ".example.com");
      assertThat(domains.size()).isBetween(1, 50);
    }
  }
}
