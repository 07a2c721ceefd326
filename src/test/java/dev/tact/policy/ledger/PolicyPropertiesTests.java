package dev.tact.policy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.policy.OutboundChannel;
import dev.tact.policy.PolicySettings;
import dev.tact.shared.ProblemException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tact.policy.* overrides the defaults it names and keeps the rest. */
class PolicyPropertiesTests {

  @Test
  void shouldOverrideOnlyWhatIsConfigured() {
    PolicySettings settings = new PolicyProperties(Map.of(OutboundChannel.EMAIL, "20:00-09:00"), null, null, null, 2,
        Duration.ofDays(14), null, null, null, false).toSettings();

    assertThat(settings.quietHours()).containsOnlyKeys(OutboundChannel.EMAIL);
    assertThat(settings.quietHours().get(OutboundChannel.EMAIL))
        .isEqualTo(new PolicySettings.QuietHours(LocalTime.of(20, 0), LocalTime.of(9, 0)));
    assertThat(settings.marketingCap()).isEqualTo(new PolicySettings.Cap(2, Duration.ofDays(14)));
    assertThat(settings.callsPerSubjectCap()).isEqualTo(PolicySettings.defaults().callsPerSubjectCap());
    assertThat(settings.legalPresets()).isFalse();
  }

  @Test
  void shouldRefuseQuietHoursThatAreNotTwoTimes() {
    PolicyProperties bad = new PolicyProperties(Map.of(OutboundChannel.SMS, "evenings"), null, null, null, null, null,
        null, null, null, null);

    assertThatThrownBy(bad::toSettings).isInstanceOf(ProblemException.class).hasMessageContaining("21:00-08:00");
  }
}
