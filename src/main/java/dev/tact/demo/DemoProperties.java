package dev.tact.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled create the demo workspace when the database has no agents yet
 * @param adminPassword the admin's password; random (and printed once) when not set
 */
@ConfigurationProperties("tact.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, String adminPassword) {}
