package dev.tact.chat;

import dev.tact.live.SignalBus;
import dev.tact.live.SignalListener;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells every node's subscribers about a chat, on the {@code chat} topic of the node-wide {@link SignalBus}: after
 * the publisher's commit, on every node. When a node may have missed signals, its subscribers get a {@code resync}
 * signal and read again from the database.
 */
@Component
class ChatBus {

  static final String TOPIC = "chat";
  static final String RESYNC = "resync";

  private final SignalBus bus;

  ChatBus(SignalBus bus) {
    this.bus = bus;
  }

  void publish(ChatSignal signal) {
    bus.publish(TOPIC, signal);
  }

  void subscribe(Consumer<ChatSignal> subscriber) {
    bus.subscribe(TOPIC, ChatSignal.class, new SignalListener<>() {
      @Override
      public void signal(ChatSignal signal) {
        subscriber.accept(signal);
      }

      @Override
      public void missed() {
        subscriber.accept(ChatSignal.of(RESYNC, null));
      }
    });
  }
}
