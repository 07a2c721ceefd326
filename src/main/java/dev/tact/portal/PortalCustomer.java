package dev.tact.portal;

import dev.tact.contact.IdentityKind;
import java.util.Set;
import java.util.UUID;

/**
 * A customer signed in to the portal.
 *
 * @param contactId the contact they are now (a contact merged away since the sign-in answers as the survivor)
 * @param identity the email address or number the link was sent to (normalised); their replies come from it
 * @param contactIds the contact and every contact merged into it, however long ago: whose conversations are theirs
 */
public record PortalCustomer(UUID sessionId, UUID contactId, String name, IdentityKind identityKind, String identity,
    Set<UUID> contactIds) {

  public PortalCustomer {
    contactIds = Set.copyOf(contactIds);
  }
}
