package dev.tact.intake;

import dev.tact.shared.ListenerExecutorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Says at start when the database pool cannot serve the after-commit listeners and intake's own threads at once
 * (the pipeline's workers and the log's writers each hold a connection while they work): they would wait on each
 * other for connections until the pool's timeout.
 */
@Component
class IntakeConnectionBudget {

  private static final Logger log = LoggerFactory.getLogger(IntakeConnectionBudget.class);

  IntakeConnectionBudget(IntakeProperties intake, ListenerExecutorProperties listeners,
      @Value(ListenerExecutorProperties.POOL_SIZE) int poolSize) {
    int listenerThreads = listeners.threadsFor(poolSize);
    int pipelineWorkers = intake.pipeline().enabled() ? intake.pipeline().workers() : 0;
    int logWriters = intake.log().writers();
    if (listenerThreads + pipelineWorkers + logWriters > poolSize) {
      log.error("The database pool ({} connections, TACT_DB_POOL_SIZE) is smaller than the {} listener threads, {} "
          + "pipeline workers and {} intake log writers that each hold a connection: they will wait on each other "
          + "for connections until the pool's timeout. Raise the pool or lower tact.intake.pipeline.workers and "
          + "tact.intake.log.writers.", poolSize, listenerThreads, pipelineWorkers, logWriters);
    }
  }
}
