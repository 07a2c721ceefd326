package dev.tact.intake;

import java.util.UUID;

/**
 * The authenticated integration that submitted an item: its API token (which may then read the item's status)
 * and how the conversation's history names it (e.g. "API token crm-sync"). Null for mail that arrived by itself.
 */
public record Submitter(UUID tokenId, String name) {

  public Submitter {
    name = name == null || name.length() <= 300 ? name : name.substring(0, 300);
  }
}
