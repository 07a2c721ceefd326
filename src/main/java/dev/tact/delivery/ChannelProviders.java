package dev.tact.delivery;

import dev.tact.shared.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ways out Tact has for each channel, asked of every {@link ChannelProvider} bean: email leaves through the SMTP
 * relay (and waits in the outbox while none is configured); SMS, social and chat replies need a configured provider; a
 * phone conversation has no written way out at all.
 */
@Component
public class ChannelProviders {

  private final List<ChannelProvider> providers;

  ChannelProviders(List<ChannelProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  /** Whether a written reply on this channel can leave Tact, and if not, why, in words agents read. */
  public WayOut wayOut(Channel channel) {
    return switch (channel) {
      case EMAIL -> WayOut.open(channel, "email");
      case PHONE -> WayOut.closed(channel, WayOut.PHONE);
      case WEB -> WayOut.closed(channel, "not delivered: a web form has no way back of its own — reply by email");
      case SMS, SOCIAL, CHAT -> configured(channel).map(p -> WayOut.open(channel, p.name()))
          .orElseGet(() -> WayOut.closed(channel, "not delivered: no " + label(channel) + " provider configured"));
    };
  }

  /** The first configured provider for the channel. */
  public Optional<ChannelProvider> configured(Channel channel) {
    return providers.stream().filter(p -> p.channel() == channel && p.configured()).findFirst();
  }

  /**
   * The configured provider for the channel that sends by itself (e.g. Twilio's API), preferred to a webhook adapter
   * when both are configured.
   */
  public Optional<ChannelSender> sender(Channel channel) {
    return providers.stream().filter(p -> p.channel() == channel && p.configured())
        .filter(ChannelSender.class::isInstance).map(ChannelSender.class::cast).findFirst();
  }

  /** Every provider, for the pages that list them. */
  public List<ChannelProvider> all() {
    return providers;
  }

  static String label(Channel channel) {
    return channel == Channel.SMS ? "SMS" : channel.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a channel has a way out.
   *
   * @param by the provider's name when open ("email" for the relay)
   * @param whyNot when closed, the reason shown beside the reply, in the outbox and on the admin warning
   */
  public record WayOut(Channel channel, boolean open, String by, String whyNot) {

    /** A reply in a phone conversation: there is nothing to write to. */
    public static final String PHONE = "not delivered: a phone conversation has no written channel — reply by email "
        + "or log a call";

    static WayOut open(Channel channel, String by) {
      return new WayOut(channel, true, by, null);
    }

    static WayOut closed(Channel channel, String whyNot) {
      return new WayOut(channel, false, null, whyNot);
    }
  }
}
