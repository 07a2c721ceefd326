package dev.tact.staff;

import org.springframework.stereotype.Component;

/**
 * Addresses of Tact's pages for mails to staff: {@code tact.staff.base-url} plus the path (see {@link StaffLinks}),
 * never built from a request's Host header.
 */
@Component
public class StaffPageLinks {

  private final StaffLinks links;

  StaffPageLinks(StaffLinks links) {
    this.links = links;
  }

  public String url(String path) {
    return links.url(path);
  }
}
