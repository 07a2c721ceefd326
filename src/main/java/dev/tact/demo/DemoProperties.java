package dev.tact.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled create the demo workspace when the database has no agents yet
 * @param adminPassword the admin's password; random (and printed once) when not set
 * @param agentPassword one password for every other demo agent, for tests that sign in as them; when not set (the
 *     default) each agent gets a random password of their own, printed once with the admin's
 */
@ConfigurationProperties("tact.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, String adminPassword, String agentPassword) {

  @Override
  public String toString() {
    return "DemoProperties[enabled=" + enabled + "]";
  }
}
