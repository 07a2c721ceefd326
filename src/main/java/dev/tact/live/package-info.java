/**
 * Live pages: a node-wide signal bus (PostgreSQL LISTEN/NOTIFY between nodes, in the process on H2) that chat and
 * the agents' pages share, and on it the agents' inbox and conversation pages kept up to date by server-sent events,
 * with counts beside the inbox's views and who else is viewing or replying to a conversation. Entry points:
 * {@link dev.tact.live.SignalBus}, {@link dev.tact.live.InboxCounter}. See ADR 0037.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live pages",
    allowedDependencies = {"conversation", "shared", "staff"})
package dev.tact.live;
