package dev.tact.testsupport;

import dev.tact.TactApplication;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole Tact started in the test JVM (as an operator would, with command-line arguments), that
 * can be stopped and started again on the same database, with an admin token for its REST API.
 */
public final class TactNode implements AutoCloseable {

  /** The same secret key for every node of a test, as an installation's nodes share TACT_SECRET_KEY. */
  public static final String TEST_SECRET_KEY = Base64.getEncoder().encodeToString(
      "tact-test-key-32-bytes-long!!!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  /** An API answer: status and body (JSON when there is one). */
  public record Answer(int status, JsonNode body, String raw) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  private TactNode(ConfigurableApplicationContext context) {
    this.context = context;
    this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    this.token = context.getBean(ApiTokens.class).issue("test-admin", Role.ADMIN, null).secret();
  }

  /** Starts Tact on the database at {@code url}; {@code args} are more {@code --name=value} settings. */
  public static TactNode start(String url, String... args) {
    List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
        "--tact.demo.enabled=false", "--spring.jmx.enabled=false", "--tact.secrets.key=" + TEST_SECRET_KEY));
    all.addAll(List.of(args));
    return new TactNode(new SpringApplicationBuilder(TactApplication.class).run(all.toArray(String[]::new)));
  }

  /** A file database in the folder, so that a second node (or a restart) finds what the first wrote. */
  public static String h2File(java.nio.file.Path folder) {
    return "jdbc:h2:file:" + folder.resolve("tact").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  public JdbcClient jdbc() {
    return bean(JdbcClient.class);
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))));
  }

  /** Posts raw bytes with their content type (an email as message/rfc822, say). */
  public Answer postBytes(String path, byte[] body, String contentType) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Answer put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  @Override
  public void close() {
    context.close();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
  }

  private Answer send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
      return new Answer(response.statusCode(), json && !raw.isBlank() ? JSON.readTree(raw) : null, raw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
