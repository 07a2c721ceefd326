package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.ProblemException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreeMailDomainsTests {

  @Test
  void shouldShipTheBigFreeMailProvidersAndOnlyDomainNames() {
    Set<String> shipped = FreeMailDomains.readShipped();

    assertThat(shipped).hasSizeGreaterThan(4000)
        .contains("gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "gmx.de", "web.de", "mail.ru", "qq.com",
            "yandex.ru", "aol.com", "icloud.com")
        .doesNotContain("mailinator.com", "guerrillamail.com");
    assertThat(shipped).allSatisfy(d -> assertThat(FreeMailDomains.normalise(d)).isEqualTo(d));
  }

  @Test
  void shouldNormaliseADomainAndRefuseWhatIsNoDomainName() {
    assertThat(FreeMailDomains.normalise(" GMX.De. ")).isEqualTo("gmx.de");
    assertThat(FreeMailDomains.normalise("bücher.example")).isEqualTo("xn--bcher-kva.example");
    for (String bad : new String[] {"", "localhost", "not a domain", "a@b.example", "-x.example", "x..example",
        "gmail.com\u0000"}) {
      assertThatThrownBy(() -> FreeMailDomains.normalise(bad)).as(bad).isInstanceOf(ProblemException.class)
          .hasMessageContaining("not a domain name");
    }
  }
}
