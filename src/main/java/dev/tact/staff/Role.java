package dev.tact.staff;

/** What a member of staff, or an integration's token, may do. Each role includes the ones before it. */
public enum Role {
  AGENT,
  LEAD,
  ADMIN;

  /** The role as people write it: agent, lead, admin. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String authority() {
    return "ROLE_" + name();
  }

  /** The authorities this role holds: its own and those of every lesser role. */
  public java.util.List<String> authorities() {
    return java.util.Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::authority).toList();
  }

  public static Role parse(String value) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return role;
      }
    }
    throw dev.tact.shared.ProblemException.invalid("unknown-role",
        "Unknown role '" + value + "': use agent, lead or admin.");
  }
}
