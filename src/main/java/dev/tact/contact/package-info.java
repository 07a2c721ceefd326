/**
 * Contacts and their identities (email addresses, E.164 phone numbers, social handles),
 * found or created from whatever a person gives us, and merged by agents. Entry point:
 * {@link dev.tact.contact.ContactManagement}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts",
    allowedDependencies = {"audit", "shared", "staff"})
package dev.tact.contact;
