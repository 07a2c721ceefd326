package dev.tact.staff;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.TactApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A first admin from TACT_ADMIN_EMAIL / TACT_ADMIN_PASSWORD whose password breaks the rules stops the start, loudly. */
class InitialAdminStartIntegrationTests {

  @Test
  void shouldRefuseToStartWhenTheFirstAdminsPasswordIsTooWeak() {
    // Command-line arguments, not default properties: application.yml's datasource (./data/tact) would win over
    // those, and an admin already in that file would let the start succeed.
    assertThatThrownBy(() -> new SpringApplicationBuilder(TactApplication.class).run(
            "--spring.datasource.url=jdbc:h2:mem:weak-admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "--server.port=0", "--tact.demo.enabled=false", "--tact.routing.enabled=false",
            "--tact.delivery.enabled=false", "--tact.intake.imap.enabled=false", "--tact.admin.email=boss@weak.test",
            "--tact.admin.password=short").close())
        .hasStackTraceContaining("Cannot create the first admin from TACT_ADMIN_EMAIL / TACT_ADMIN_PASSWORD: "
            + "A password needs at least 10 characters.");
  }
}
