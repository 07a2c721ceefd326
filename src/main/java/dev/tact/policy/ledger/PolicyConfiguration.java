package dev.tact.policy.ledger;

import dev.tact.policy.ContactPolicies;
import dev.tact.policy.ContactPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contact policy Tact runs: the standard rule book under the settings of {@code tact.policy}. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

  @Bean
  ContactPolicy contactPolicy(PolicyProperties properties) {
    return ContactPolicies.standard(properties.toSettings());
  }
}
