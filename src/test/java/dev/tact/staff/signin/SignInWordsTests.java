package dev.tact.staff.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInWordsTests {

  @Test
  void shouldRoundWaitsUpToWholeSecondsOrMinutes() {
    assertThat(SignInThrottle.describe(Duration.ofMillis(19_200))).isEqualTo("20 seconds");
    assertThat(SignInThrottle.describe(Duration.ofMillis(300))).isEqualTo("1 second");
    assertThat(SignInThrottle.describe(Duration.ofSeconds(60))).isEqualTo("1 minute");
    assertThat(SignInThrottle.describe(Duration.ofSeconds(61))).isEqualTo("2 minutes");
    assertThat(SignInThrottle.describe(Duration.ofMinutes(13).plusSeconds(20))).isEqualTo("14 minutes");
    assertThat(SignInThrottle.refusal(Duration.ofMinutes(14)))
        .isEqualTo("Too many failed attempts; try again in 14 minutes.");
  }

  @Test
  void shouldNameTheBrowserAndSystemOfAUserAgent() {
    assertThat(SessionFacts.device("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
        .isEqualTo("Firefox on Linux");
    assertThat(SessionFacts.device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")).isEqualTo("Edge on Windows");
    assertThat(SessionFacts.device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
    assertThat(SessionFacts.device(null)).isEqualTo("Unknown device");
  }

  @Test
  void shouldMakeTenDifferentRecoveryCodesThatAreRecognisedWhateverTheirCaseOrDashes() {
    var codes = RecoveryCodes.generate();

    assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
    String code = codes.getFirst();
    assertThat(RecoveryCodes.looksLikeOne(code.toUpperCase().replace("-", " "))).isTrue();
    assertThat(RecoveryCodes.hash(code.toUpperCase().replace("-", ""))).isEqualTo(RecoveryCodes.hash(code));
    assertThat(RecoveryCodes.looksLikeOne("123456")).isFalse();
  }
}
