package dev.tact.policy.ledger;

import dev.tact.policy.PolicySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The defaults of the contact policy's settings ({@code tact.policy.*}), until an admin saves others. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

  @Bean
  PolicySettings configuredPolicySettings(PolicyProperties properties) {
    return properties.toSettings();
  }
}
