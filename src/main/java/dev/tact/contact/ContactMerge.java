package dev.tact.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The record of a merge: who merged which contact into which, when, and how many identities moved.
 *
 * @param mergedName the merged contact's name at the time; null when unknown (it had none)
 * @param mergedIdentities its identities as written at the time (empty for merges recorded before Tact kept them)
 */
public record ContactMerge(UUID id, UUID survivorId, UUID mergedId, String mergedBy, Instant mergedAt, int identities,
    String mergedName, List<String> mergedIdentities) {

  public ContactMerge {
    mergedIdentities = mergedIdentities == null ? List.of() : List.copyOf(mergedIdentities);
  }

  /** The merged contact in words: "Kenji Watanabe (+1 204 555 0142)", or its id when nothing else is known. */
  public String describeMerged() {
    String identities = String.join(", ", mergedIdentities);
    if (mergedName == null || mergedName.isBlank()) {
      return identities.isEmpty() ? "contact " + mergedId : identities;
    }
    return identities.isEmpty() || identities.equals(mergedName) ? mergedName : mergedName + " (" + identities + ")";
  }
}
