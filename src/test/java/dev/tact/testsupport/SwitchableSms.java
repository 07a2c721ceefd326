package dev.tact.testsupport;

import dev.tact.delivery.ChannelProvider;
import dev.tact.shared.Channel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An SMS way out that sends nothing and counts as configured only while a test switches it on ({@link #on}); off by
 * default, so for every other test the application has no SMS way out, as without it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SwitchableSms {

  private static final AtomicBoolean CONFIGURED = new AtomicBoolean(false);

  public static void on() {
    CONFIGURED.set(true);
  }

  public static void off() {
    CONFIGURED.set(false);
  }

  @Bean
  ChannelProvider switchableSms() {
    return new ChannelProvider() {
      @Override
      public Channel channel() {
        return Channel.SMS;
      }

      @Override
      public String name() {
        return "Test SMS";
      }

      @Override
      public boolean configured() {
        return CONFIGURED.get();
      }
    };
  }
}
