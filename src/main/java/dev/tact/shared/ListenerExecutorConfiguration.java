package dev.tact.shared;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of {@code @Async} methods, which here are the after-commit module listeners
 * ({@code @ApplicationModuleListener}). Spring's default starts a virtual thread per call with no bound: under a
 * burst of filed messages the listeners (each in a transaction of its own) took every pooled connection, and the
 * intake log's writer and token lookups failed for want of one. Bounded here; when its queue is full the publisher
 * runs the listener itself. A call not run when the node stops (those waiting are dropped, as Spring's default
 * drops those not yet done) stays incomplete in the event publication registry and is run again at the next start.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutorConfiguration implements AsyncConfigurer, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ListenerExecutorConfiguration.class);

  private final ThreadPoolTaskExecutor executor;

  ListenerExecutorConfiguration(ListenerExecutorProperties properties,
      @Value(ListenerExecutorProperties.POOL_SIZE) int poolSize) {
    int threads = properties.threadsFor(poolSize);
    if (threads < properties.threads()) {
      log.warn("tact.events.listeners.threads={} is more than half the database pool ({}): using {} listener threads",
          properties.threads(), poolSize, threads);
    }
    this.executor = boundedExecutor(threads, properties.queueCapacity());
  }

  /** Virtual threads, at most {@code threads} at once, {@code queueCapacity} waiting, then the caller runs it. */
  static ThreadPoolTaskExecutor boundedExecutor(int threads, int queueCapacity) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setQueueCapacity(queueCapacity);
    executor.setThreadFactory(Thread.ofVirtual().name("listener-", 0).factory());
    executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
    executor.setAwaitTerminationSeconds(5);
    executor.initialize();
    return executor;
  }

  @Override
  public Executor getAsyncExecutor() {
    return executor;
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
