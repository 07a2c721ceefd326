package dev.tact.churn;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Silent churn's settings ({@code tact.churn.*}); ADR 0041 explains each.
 *
 * @param overdueFactor k: a contact is overdue once quiet for more than k times their usual interval (and never
 *     before their longest known gap has passed)
 * @param minimumEpisodes how many episodes (contacts or purchases) a contact needs before they have a usual interval
 * @param keptIntervals how many recent intervals the median is taken over
 * @param sameEpisode contacts starting within this time of the previous one belong to the same episode
 * @param manyHandoffs from how many hand-offs a conversation counts as a poor experience
 */
@ConfigurationProperties("tact.churn")
public record ChurnProperties(@DefaultValue("2.0") double overdueFactor, @DefaultValue("4") int minimumEpisodes,
    @DefaultValue("12") int keptIntervals, @DefaultValue("1d") Duration sameEpisode,
    @DefaultValue("3") int manyHandoffs) {

  public ChurnProperties {
    if (overdueFactor < 1.0 || minimumEpisodes < 3 || keptIntervals < 2 || keptIntervals > 40
        || sameEpisode.isNegative() || manyHandoffs < 1) {
      throw new IllegalArgumentException("tact.churn: overdue-factor >= 1, minimum-episodes >= 3, kept-intervals "
          + "2..40, same-episode >= 0 and many-handoffs >= 1");
    }
  }

  public static ChurnProperties defaults() {
    return new ChurnProperties(2.0, 4, 12, Duration.ofDays(1), 3);
  }
}
