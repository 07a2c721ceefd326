package dev.tact.delivery.unsubscribe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UnsubscribeConfiguration {

  @Bean
  UnsubscribeTokens unsubscribeTokens(UnsubscribeProperties settings,
      @Value("${tact.secrets.key:}") String installationKey) {
    return new UnsubscribeTokens(UnsubscribeSecret.resolve(settings.secret(), installationKey, settings.keyFile()));
  }

  @Bean
  UnsubscribeLinks unsubscribeLinks(UnsubscribeTokens tokens, UnsubscribeProperties settings) {
    return new UnsubscribeLinks(tokens, settings.baseUrl(), settings.mailto());
  }
}
