package dev.tact.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.portal.PortalProperties;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PortalLimitsTests {

  final PortalLimits limits = new PortalLimits(new PortalProperties("", Duration.ofMinutes(30), Duration.ofMinutes(30),
      Duration.ofHours(12), 2, 1, 3, 1, 2));

  @Test
  void shouldLimitEachClientAddressOnItsOwn() {
    MockHttpServletRequest one = request("203.0.113.7");
    MockHttpServletRequest other = request("203.0.113.8");

    assertThat(limits.client(one)).isZero();
    assertThat(limits.client(one)).isZero();
    assertThat(limits.client(one)).isZero();
    assertThat(limits.client(one)).isPositive();
    assertThat(limits.client(other)).isZero();
  }

  @Test
  void shouldLimitLinksPerAddressWhoeverAsks() {
    assertThat(limits.identity("EMAIL:ana@example.com")).isZero();
    assertThat(limits.identity("EMAIL:ana@example.com")).isZero();
    assertThat(limits.identity("EMAIL:ana@example.com")).isBetween(1L, 60L);
    assertThat(limits.identity("EMAIL:bo@example.com")).isZero();
  }

  @Test
  void shouldLimitRepliesPerCustomer() {
    UUID customer = UUID.randomUUID();
    assertThat(limits.replies(customer)).isZero();
    assertThat(limits.replies(customer)).isZero();
    assertThat(limits.replies(customer)).isPositive();
    assertThat(limits.replies(UUID.randomUUID())).isZero();
  }

  private static MockHttpServletRequest request(String address) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(address);
    return request;
  }
}
