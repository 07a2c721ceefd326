package dev.tact.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin of an installation without one, from {@code TACT_ADMIN_EMAIL} and {@code TACT_ADMIN_PASSWORD}
 * (or {@code tact.admin.email} / {@code tact.admin.password}). Used once: when there is no admin yet.
 */
@ConfigurationProperties("tact.admin")
public record InitialAdminProperties(String email, String password, String name) {

  public boolean given() {
    return email != null && !email.isBlank() || password != null && !password.isBlank();
  }

  @Override
  public String toString() {
    return "InitialAdminProperties[email=" + email + ", password=" + (password == null ? "unset" : "set") + "]";
  }
}
