package dev.tact.incident;

import java.util.List;
import java.util.UUID;

/**
 * A service customers use (the web app, the API, email hosting), shown on the status page in its group.
 *
 * @param keywords words that name it in customers' messages besides its name (e.g. "dashboard", "login")
 */
public record Component(UUID id, String name, String groupName, String description, List<String> keywords,
    int position) {

  public Component {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  /** The group shown on the status page; components without one stand in "Services". */
  public String group() {
    return groupName == null || groupName.isBlank() ? "Services" : groupName;
  }
}
