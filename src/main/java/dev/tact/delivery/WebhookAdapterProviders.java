package dev.tact.delivery;

import dev.tact.shared.Channel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signed-webhook adapters of {@code tact.delivery.adapters.<channel>.url} (ADR 0015) as {@link ChannelProvider}s,
 * one for SMS and one for social messages: configured when that channel's adapter URL is set. The dispatcher posts
 * their rows to the adapter.
 */
@Configuration(proxyBeanMethods = false)
class WebhookAdapterProviders {

  @Bean
  ChannelProvider smsWebhookAdapter(DeliveryProperties properties) {
    return new WebhookAdapter(Channel.SMS, properties);
  }

  @Bean
  ChannelProvider socialWebhookAdapter(DeliveryProperties properties) {
    return new WebhookAdapter(Channel.SOCIAL, properties);
  }

  /** One channel's webhook adapter. */
  record WebhookAdapter(Channel channel, DeliveryProperties properties) implements ChannelProvider {

    @Override
    public String name() {
      return "webhook adapter (tact.delivery.adapters." + channel.id() + ")";
    }

    @Override
    public boolean configured() {
      return properties.adapter(channel.name()).isPresent();
    }
  }
}
