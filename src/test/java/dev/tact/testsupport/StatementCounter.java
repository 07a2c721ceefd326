package dev.tact.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares while counting is on: the application's DataSource hands
 * out connections that count {@code prepareStatement}, {@code prepareCall} and {@code createStatement}. MockMvc
 * runs a request on the test's thread, so the count is that request's, and background work is not in it.
 */
public final class StatementCounter {

  private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");
  private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();
  private static final ThreadLocal<Long> LAST = new ThreadLocal<>();
  private static final ThreadLocal<java.util.List<String>> SQL = new ThreadLocal<>();
  private static final ThreadLocal<java.util.List<String>> LAST_SQL = new ThreadLocal<>();

  private StatementCounter() {}

  public static void start() {
    COUNT.set(new long[1]);
    SQL.set(new java.util.ArrayList<>());
  }

  public static void stop() {
    LAST.set(COUNT.get()[0]);
    LAST_SQL.set(SQL.get());
    COUNT.remove();
    SQL.remove();
  }

  /** The text of the statements counted between the last {@link #start()} and {@link #stop()}, in order. */
  public static java.util.List<String> statements() {
    return java.util.List.copyOf(LAST_SQL.get());
  }

  /** The statements counted between the last {@link #start()} and {@link #stop()}. */
  public static long counted() {
    return LAST.get();
  }

  /**
   * The data source, handing out connections that count and record ({@link StatementRecorder}) what the current
   * thread prepares (also for a test that builds its own, without a context).
   */
  public static DataSource counting(DataSource dataSource) {
    return new DelegatingDataSource(dataSource) {
      @Override
      public Connection getConnection() throws SQLException {
        return counting(super.getConnection());
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return counting(super.getConnection(username, password));
      }
    };
  }

  private static Connection counting(Connection connection) {
    InvocationHandler handler = (proxy, method, args) -> {
      long[] count = COUNT.get();
      if (count != null && STATEMENTS.contains(method.getName())) {
        count[0]++;
        SQL.get().add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : method.getName());
      }
      try {
        Object result = method.invoke(connection, args);
        return method.getName().equals("prepareStatement") ? StatementRecorder.recording(result, (String) args[0])
            : result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {

    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (!(bean instanceof DataSource dataSource) || bean instanceof DelegatingDataSource) {
            return bean;
          }
          return counting(dataSource);
        }
      };
    }
  }
}
