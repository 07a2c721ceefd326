package dev.tact.conversation;

import java.util.Locale;

/** The orders the inbox lists conversations in; each ends on the id so pages never overlap. */
public enum ConversationSort {
  /** Latest message first (the inbox's default). */
  ACTIVITY("activity", "Last activity", "c.last_message_at DESC, c.id DESC"),
  NEWEST("newest", "Newest", "c.created_at DESC, c.id DESC"),
  OLDEST("oldest", "Oldest", "c.created_at ASC, c.id ASC"),
  PRIORITY("priority", "Priority",
      "CASE c.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END, "
          + "c.last_message_at DESC, c.id DESC"),
  /** The customer's latest message first; conversations without one last. */
  CUSTOMER("customer", "Last customer message",
      "(SELECT MAX(m.created_at) FROM conv_message m WHERE m.conversation_id = c.id AND m.direction = 'INBOUND') "
          + "DESC NULLS LAST, c.id DESC");

  private final String id;
  private final String label;
  private final String orderBy;

  ConversationSort(String id, String label, String orderBy) {
    this.id = id;
    this.label = label;
    this.orderBy = orderBy;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  String orderBy() {
    return orderBy;
  }

  /** The sort named by its id; blank is the default, anything unknown a 400 naming the ones there are. */
  public static ConversationSort parse(String value) {
    if (value == null || value.isBlank()) {
      return ACTIVITY;
    }
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (ConversationSort sort : values()) {
      if (sort.id.equals(wanted)) {
        return sort;
      }
    }
    throw new dev.tact.shared.ProblemException(400, "unknown-sort", "Unknown sort",
        "Unknown sort '" + value + "': use activity, newest, oldest, priority or customer.");
  }
}
