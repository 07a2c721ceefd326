package dev.tact.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records the SQL and the parameters of the statements the current thread prepares while recording is on, through
 * the DataSource that {@link StatementCounter.Configuration} wraps. A batch keeps the parameters set last.
 */
public final class StatementRecorder {

  /** A prepared statement as the application issued it: its SQL and its parameters by index (1-based). */
  public record Recorded(String sql, Map<Integer, Object> parameters) {}

  private static final ThreadLocal<List<Recorded>> RECORDED = new ThreadLocal<>();

  private StatementRecorder() {}

  public static void start() {
    RECORDED.set(new ArrayList<>());
  }

  /** Stops recording and answers what was recorded since {@link #start()}, in order. */
  public static List<Recorded> stop() {
    List<Recorded> recorded = RECORDED.get();
    RECORDED.remove();
    return recorded;
  }

  static Object recording(Object statement, String sql) {
    List<Recorded> recorded = RECORDED.get();
    if (recorded == null || !(statement instanceof PreparedStatement prepared)) {
      return statement;
    }
    Map<Integer, Object> parameters = new TreeMap<>();
    recorded.add(new Recorded(sql, parameters));
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
        parameters.put(i, method.getName().equals("setNull") ? null : args[1]);
      }
      try {
        return method.invoke(prepared, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
        handler);
  }
}
