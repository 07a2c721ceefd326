package dev.tact.chat;

import dev.tact.conversation.Channel;
import dev.tact.delivery.ChannelProvider;
import org.springframework.stereotype.Component;

/**
 * The chat's way out: a reply in a chat conversation reaches the visitor as a chat line while the chat goes on
 * ({@link ChatEvents}); once it has ended, the conversation is on email and replies are mailed. Configured while
 * the widget is enabled.
 */
@Component
class ChatChannel implements ChannelProvider {

  private final ChatProperties properties;

  ChatChannel(ChatProperties properties) {
    this.properties = properties;
  }

  @Override
  public Channel channel() {
    return Channel.CHAT;
  }

  @Override
  public String name() {
    return "Chat widget";
  }

  @Override
  public boolean configured() {
    return properties.enabled();
  }
}
