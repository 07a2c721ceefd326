package dev.tact.testsupport;

import dev.tact.TactApplication;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.JsonApi.Answer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole Tact started in the test JVM (as an operator would, with command-line arguments), that
 * can be stopped and started again on the same database, with an admin token for its REST API.
 */
public final class TactNode implements AutoCloseable {

  /** The same secret key for every node of a test, as an installation's nodes share TACT_SECRET_KEY. */
  public static final String TEST_SECRET_KEY = Base64.getEncoder().encodeToString(
      "tact-test-key-32-bytes-long!!!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private final ConfigurableApplicationContext context;
  private final JsonApi api;

  private TactNode(ConfigurableApplicationContext context) {
    this.context = context;
    this.api = new JsonApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
        context.getBean(ApiTokens.class).issue("test-admin", Role.ADMIN, null).secret());
  }

  /** Starts Tact on the database at {@code url}; {@code args} are more {@code --name=value} settings. */
  public static TactNode start(String url, String... args) {
    List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
        "--tact.demo.enabled=false", "--spring.jmx.enabled=false", "--tact.secrets.key=" + TEST_SECRET_KEY,
        "--tact.events.recovery.enabled=true"));
    all.addAll(List.of(args));
    return new TactNode(new SpringApplicationBuilder(TactApplication.class)
        .initializers(H2SchemaSnapshot::register) // a new H2 database from the JVM's migrated copy (ADR 0049)
        .run(all.toArray(String[]::new)));
  }

  /**
   * A file database in the folder, so that a second node (or a restart) finds what the first wrote; written at each
   * commit, as Tact's default H2 URL is (a process killed after acknowledging loses nothing).
   */
  public static String h2File(java.nio.file.Path folder) {
    return "jdbc:h2:file:" + folder.resolve("tact").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
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
    return api.get(path);
  }

  public Answer post(String path, Object body) {
    return api.post(path, body);
  }

  /** Posts raw bytes with their content type (an email as message/rfc822, say). */
  public Answer postBytes(String path, byte[] body, String contentType) {
    return api.postBytes(path, body, contentType);
  }

  public Answer put(String path, Object body) {
    return api.put(path, body);
  }

  public Answer delete(String path) {
    return api.delete(path);
  }

  @Override
  public void close() {
    context.close();
  }
}
