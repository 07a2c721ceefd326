/**
 * Web forms: public pages (and an embeddable version) where a customer writes in without an account. Spam is kept
 * out with no third party (a honeypot field, a signed ticket that sets a minimum time to submit, a proof of work the
 * page's own script solves, per-address rate limits); what passes goes through intake as a {@code web} message,
 * with the form's extra fields as labelled values and its attachments as uploads. A confirmation goes to the
 * customer through the contact policy and the outbox. See ADR 0030.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web forms",
    allowedDependencies = {"audit", "contact", "conversation", "delivery", "intake", "policy", "shared", "staff"})
package dev.tact.webform;
