package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoiseCandidateTests {

  @Test
  void shouldTreatABlankAuthorAsUnknownAndLowerCaseAddresses() {
    NoiseCandidate candidate = new NoiseCandidate(null, "  ", " Vera@Vendor.Example ", "Vera", false, "  ");

    assertThat(candidate.authorKey()).isNull();
    assertThat(candidate.sender()).isEqualTo("vera@vendor.example");
    assertThat(candidate.comment()).isNull();
  }

  @Test
  void shouldLimitAnAddressBySenderAndDomainAndAHandleBySenderOnly() {
    assertThat(MailBombs.scopesOf("bomb@flood.example", d -> false)).containsExactly("sender:bomb@flood.example",
        "domain:flood.example");
    assertThat(MailBombs.scopesOf("twitter:@someone", d -> false)).containsExactly("sender:twitter:@someone");
    assertThat(MailBombs.scopesOf("", d -> false)).isEmpty();
  }

  @Test
  void shouldLimitAnAddressOfAFreeMailProviderBySenderOnly() {
    assertThat(MailBombs.scopesOf("ana@gmail.com", "gmail.com"::equals)).containsExactly("sender:ana@gmail.com");
    assertThat(MailBombs.scopesOf("ana@company.example", "gmail.com"::equals))
        .containsExactly("sender:ana@company.example", "domain:company.example");
  }

  @Test
  void shouldRefuseAThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> new NoiseProperties(true, 1.5, Duration.ofDays(14), 20, 1000, Duration.ofHours(1), true,
        "", false, "text", Duration.ofSeconds(10), Duration.ofHours(24))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }

  @Test
  void shouldFileOnlyNewMessagesAndFollowUps() {
    for (NoiseDecision.Outcome outcome : NoiseDecision.Outcome.values()) {
      boolean files = outcome == NoiseDecision.Outcome.NEW || outcome == NoiseDecision.Outcome.FOLLOW_UP;
      assertThat(NoiseDecision.of(outcome, "").files()).as(outcome.name()).isEqualTo(files);
    }
  }
}
