package dev.tact.noise;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Tact collapses copies and holds floods.
 *
 * @param enabled whether inbound messages are checked at all
 * @param threshold the MinHash (Jaccard) similarity from which two texts of one author are the same message
 * @param window how far back a copy still joins its cluster
 * @param perSender most new messages from one sender address per rate window before the rest are held
 * @param perDomain most new messages from one sender domain per rate window
 * @param rateWindow the sliding window the limits count in
 * @param exemptKnownCustomers whether contacts with an earlier conversation, or a tier, bypass the limits
 * @param vendorPitchOwner the agent (email) or team (name) vendor pitches are given to; empty: nobody
 * @param vendorPitchAnswer whether a vendor pitch gets the standard answer (once per sender)
 * @param vendorPitchAnswerText the standard answer
 * @param refreshInterval how often a node reads signatures other nodes wrote
 * @param lockRetention how long a lock key's row stays after its last use before housekeeping deletes it
 */
@ConfigurationProperties("tact.noise")
public record NoiseProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.8") double threshold,
    @DefaultValue("14d") Duration window, @DefaultValue("20") int perSender, @DefaultValue("1000") int perDomain,
    @DefaultValue("1h") Duration rateWindow, @DefaultValue("true") boolean exemptKnownCustomers,
    @DefaultValue("") String vendorPitchOwner, @DefaultValue("false") boolean vendorPitchAnswer,
    @DefaultValue("Thank you for your message. We have passed it to the person responsible for purchasing, who "
        + "will contact you if there is interest. Please do not send it again to other addresses of ours.")
    String vendorPitchAnswerText, @DefaultValue("10s") Duration refreshInterval,
    @DefaultValue("24h") Duration lockRetention) {

  public NoiseProperties {
    if (threshold <= 0 || threshold > 1) {
      throw new IllegalArgumentException("tact.noise.threshold must be in (0, 1], not " + threshold);
    }
    if (window.isNegative() || window.isZero() || rateWindow.isNegative() || rateWindow.isZero()) {
      throw new IllegalArgumentException("tact.noise.window and tact.noise.rate-window must be positive");
    }
    if (perSender < 1 || perDomain < 1) {
      throw new IllegalArgumentException("tact.noise.per-sender and per-domain must be at least 1");
    }
    if (lockRetention.isNegative() || lockRetention.isZero()) {
      throw new IllegalArgumentException("tact.noise.lock-retention must be positive");
    }
    vendorPitchOwner = vendorPitchOwner == null ? "" : vendorPitchOwner.strip();
  }
}
