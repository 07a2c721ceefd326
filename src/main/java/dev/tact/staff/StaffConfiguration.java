package dev.tact.staff;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class StaffConfiguration {

  /**
   * Hashes with bcrypt at the configured cost, and stores the algorithm's id with each hash ({@code {bcrypt}...}) so
   * that another algorithm can be added later while old hashes still verify.
   */
  @Bean
  PasswordEncoder passwordEncoder(StaffProperties properties) {
    return new DelegatingPasswordEncoder("bcrypt",
        Map.of("bcrypt", new BCryptPasswordEncoder(properties.passwordHashStrength())));
  }
}
