/**
 * The contact policy: every outbound contact asks {@link dev.tact.policy.ContactPolicy} first and
 * gets ALLOW, DEFER until an instant, or DENY, with every rule's vote and reason in words. The
 * rules are plain Java (no Spring): facts about the contact reach them as {@link
 * dev.tact.policy.PolicyFacts}, gathered by the Spring side from the consent and contact-history
 * ledgers and from other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact policy",
    allowedDependencies = {"audit", "contact", "conversation", "shared", "staff"})
package dev.tact.policy;
