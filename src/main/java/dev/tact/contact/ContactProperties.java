package dev.tact.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultRegion ISO 3166 region used to read phone numbers written without a
 *     country code, e.g. {@code US} or {@code DE}
 */
@ConfigurationProperties("tact.contact")
public record ContactProperties(@DefaultValue("US") String defaultRegion) {}
