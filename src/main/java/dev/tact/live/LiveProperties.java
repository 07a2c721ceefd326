package dev.tact.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agents' live pages ({@code tact.live.*}).
 *
 * @param heartbeat how often agents' open streams get a keep-alive and each node announces again who is viewing
 *     which conversation; someone counts as viewing for three of them after the last announcement (a node that
 *     stopped without saying goodbye)
 * @param replying how long "replying" lasts after the last keystroke in the reply box (the page signals at most
 *     every three seconds while the agent types)
 */
@ConfigurationProperties("tact.live")
public record LiveProperties(@DefaultValue("15s") Duration heartbeat, @DefaultValue("10s") Duration replying) {

  public LiveProperties {
    if (heartbeat.isNegative() || heartbeat.isZero() || replying.isNegative() || replying.isZero()) {
      throw new IllegalArgumentException("tact.live.heartbeat and tact.live.replying must be positive");
    }
  }

  Duration viewing() {
    return heartbeat.multipliedBy(3);
  }
}
