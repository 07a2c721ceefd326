package dev.tact.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

class StaffConfigurationTests {

  @Test
  void shouldHashWithBcryptOfCostTenUnlessTold() {
    PasswordEncoder encoder = encoder(Map.of());

    String hash = encoder.encode("a long passphrase");

    assertThat(hash).startsWith("{bcrypt}$2a$10$");
    assertThat(encoder.matches("a long passphrase", hash)).isTrue();
    assertThat(encoder.matches("another passphrase", hash)).isFalse();
  }

  @Test
  void shouldHashNewPasswordsAtTheConfiguredCostAndStillVerifyHashesMadeAtAnother() {
    String madeAtTen = encoder(Map.of()).encode("a long passphrase");
    PasswordEncoder atFour = encoder(Map.of("tact.staff.password-hash-strength", "4"));

    assertThat(atFour.encode("a long passphrase")).startsWith("{bcrypt}$2a$04$");
    assertThat(atFour.matches("a long passphrase", madeAtTen)).isTrue();
  }

  @Test
  void shouldRefuseACostBcryptDoesNotHave() {
    assertThatThrownBy(() -> properties(Map.of("tact.staff.password-hash-strength", "3")))
        .hasRootCauseMessage("tact.staff.password-hash-strength must be a bcrypt cost from 4 to 31, not 3");
  }

  private static PasswordEncoder encoder(Map<String, String> settings) {
    return new StaffConfiguration().passwordEncoder(properties(settings));
  }

  private static StaffProperties properties(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("tact.staff", StaffProperties.class);
  }
}
