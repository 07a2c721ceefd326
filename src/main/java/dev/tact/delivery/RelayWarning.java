package dev.tact.delivery;

/**
 * Whether an SMTP relay is configured, and how many emails wait for one meanwhile (0 while one is); and how many
 * replies could not be delivered at all ({@code undeliverable}: no way out on their channel).
 */
public record RelayWarning(boolean relayConfigured, long waiting, long undeliverable) {

  public RelayWarning(boolean relayConfigured, long waiting) {
    this(relayConfigured, waiting, 0);
  }
}
