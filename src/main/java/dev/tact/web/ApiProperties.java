package dev.tact.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the REST API.
 *
 * @param maxJsonBytes largest JSON request body accepted (larger: 413 before or while it is read); big enough for
 *     a batch of 1,000 outbox messages or 10,000 policy requests. {@code POST /api/v1/messages} has
 *     {@code tact.intake.max-request-bytes}, {@code POST /api/v1/mail} {@code tact.intake.max-mail-bytes}.
 * @param docsEnabled whether the OpenAPI document ({@code /v3/api-docs}) and Swagger UI are served (publicly);
 *     off, both answer 404 (application.yml hands it to springdoc)
 */
@ConfigurationProperties("tact.api")
public record ApiProperties(@DefaultValue("8MB") DataSize maxJsonBytes, @DefaultValue("true") boolean docsEnabled) {

  public ApiProperties {
    if (maxJsonBytes.toBytes() < 1024 || maxJsonBytes.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("tact.api.max-json-bytes must be from 1KB to 2GB, not " + maxJsonBytes);
    }
  }
}
