/**
 * Reply templates and macros: texts with merge fields from the record (the contact's names exactly as stored,
 * tenure, plan, the conversation's facts, the agent's name), shared ones managed by leads and admins and personal
 * ones of each agent. An agent chooses one in the reply box and sees the filled text, with any field the record
 * lacks marked, before sending; a macro may also set status, tags and team. Entry point:
 * {@link dev.tact.replytemplates.ReplyTemplates}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reply templates",
    allowedDependencies = {"contact", "conversation", "routing", "shared", "staff"})
package dev.tact.replytemplates;
