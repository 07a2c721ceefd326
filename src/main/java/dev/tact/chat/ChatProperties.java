package dev.tact.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chat widget's settings ({@code tact.chat.*}).
 *
 * @param enabled whether the widget's endpoints answer at all (off: 404, and chat replies have no way out)
 * @param allowedOrigins the sites that may embed the widget (scheme, host and port, e.g. {@code https://shop.example});
 *     empty: only pages served by Tact itself; {@code *}: any site
 * @param team the team whose business hours decide what the widget promises (its name); empty: the default calendar
 * @param acceptTimeout how long a chat waits for an agent before it goes on by email
 * @param visitorGone how long a visitor may be disconnected before the chat counts as left
 * @param startsPerMinute chats one address may start per minute (after a burst of {@code startBurst})
 * @param linesPerMinute lines and typing signals one address may send per minute (after a burst of {@code lineBurst})
 * @param maxLineLength the longest line a visitor or agent may send, in characters
 * @param heartbeat how often open streams get a keep-alive; a visitor who left is noticed at the second one after
 *     leaving at the latest (the first write into a closed connection may still succeed), and presence counts a
 *     stream as online for three of them
 */
@ConfigurationProperties("tact.chat")
public record ChatProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") List<String> allowedOrigins,
    @DefaultValue("") String team, @DefaultValue("3m") Duration acceptTimeout, @DefaultValue("2m") Duration visitorGone,
    @DefaultValue("5") int startBurst, @DefaultValue("10") int startsPerMinute, @DefaultValue("30") int lineBurst,
    @DefaultValue("120") int linesPerMinute, @DefaultValue("4000") int maxLineLength,
    @DefaultValue("15s") Duration heartbeat) {

  public ChatProperties {
    allowedOrigins = allowedOrigins == null ? List.of()
        : allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (acceptTimeout.isNegative() || acceptTimeout.isZero() || visitorGone.isNegative() || visitorGone.isZero()) {
      throw new IllegalArgumentException("tact.chat.accept-timeout and tact.chat.visitor-gone must be positive");
    }
    if (heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("tact.chat.heartbeat must be positive");
    }
    if (maxLineLength < 1 || startBurst < 1 || startsPerMinute < 1 || lineBurst < 1 || linesPerMinute < 1) {
      throw new IllegalArgumentException("tact.chat limits must be positive");
    }
  }
}
