package dev.tact.policy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.policy.PolicySettings;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** tact.policy.* overrides the defaults it names and keeps the rest. */
class PolicyPropertiesTests {

  @Test
  void shouldOverrideOnlyWhatIsConfigured() {
    PolicySettings settings = new PolicyProperties(Map.of("EMAIL", "20:00-09:00"), null, null, null, 2,
        Duration.ofDays(14), null, null, null, false).toSettings();

    assertThat(settings.quietHours()).containsOnlyKeys(Channel.EMAIL);
    assertThat(settings.quietHours().get(Channel.EMAIL))
        .isEqualTo(new PolicySettings.QuietHours(LocalTime.of(20, 0), LocalTime.of(9, 0)));
    assertThat(settings.marketingCap()).isEqualTo(new PolicySettings.Cap(2, Duration.ofDays(14)));
    assertThat(settings.callsPerSubjectCap()).isEqualTo(PolicySettings.defaults().callsPerSubjectCap());
    assertThat(settings.legalPresets()).isFalse();
  }

  @Test
  void shouldRefuseQuietHoursThatAreNotTwoTimes() {
    PolicyProperties bad = new PolicyProperties(Map.of("SMS", "evenings"), null, null, null, null, null,
        null, null, null, null);

    assertThatThrownBy(bad::toSettings).isInstanceOf(ProblemException.class).hasMessageContaining("21:00-08:00");
  }

  @Test
  void shouldBindChannelsAsOperatorsNameThem() {
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
        "tact.policy.quiet-hours.PHONE_CALL", "22:00-07:00",
        "tact.policy.quiet-hours.email", "20:00-09:00",
        "tact.policy.no-marketing-on-weekends", "phone-call,SMS")));

    PolicySettings settings = binder.bind("tact.policy", PolicyProperties.class).get().toSettings();

    assertThat(settings.quietHours()).containsOnlyKeys(Channel.PHONE, Channel.EMAIL);
    assertThat(settings.quietHours().get(Channel.PHONE))
        .isEqualTo(new PolicySettings.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
    assertThat(settings.noMarketingOnWeekends()).containsExactlyInAnyOrder(Channel.PHONE, Channel.SMS);
  }

  @Test
  void shouldRefuseAChannelThePolicyDoesNotDecideOn() {
    PolicyProperties web = new PolicyProperties(null, null, Set.of("WEB"), null, null, null, null, null, null, null);

    assertThatThrownBy(web::toSettings).hasMessageContaining("WEB").hasMessageContaining("phone_call");
  }
}
