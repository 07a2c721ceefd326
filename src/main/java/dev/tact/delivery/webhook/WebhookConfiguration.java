package dev.tact.delivery.webhook;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  @Bean
  WebhookClient webhookClient(WebhookProperties settings, Clock clock) {
    return new WebhookClient(settings.connectTimeout(), settings.requestTimeout(), clock);
  }

  @Bean
  WebhookRetryPolicy webhookRetryPolicy(WebhookProperties settings) {
    return settings.retryPolicy();
  }
}
