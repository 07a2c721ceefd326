/**
 * Satisfaction surveys with manners: one question and a comment when a conversation is solved, on the customer's
 * channel, through the contact policy (its own purpose), answered on a public page by a signed link.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction surveys",
    allowedDependencies = {"audit", "compose", "conversation", "dashboard", "delivery", "policy", "routing", "shared",
        "staff"})
package dev.tact.survey;
