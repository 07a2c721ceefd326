package dev.tact.churn;

import dev.tact.shared.Channel;
import java.util.UUID;

/** Which at-risk contacts to list or count: null means any. */
public record ChurnFilter(PoorExperience reason, UUID teamId, UUID agentId, Channel channel, String intent) {

  public static final ChurnFilter ANY = new ChurnFilter(null, null, null, null, null);

  /** The list's order: most recently quiet first, or most valuable (purchase value, then episodes) first. */
  public enum Order { NEWEST, VALUE }
}
