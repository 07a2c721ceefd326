-- Durable one-shot timers (sla.timer). A row is a timer that has not fired; firing deletes it in the same
-- transaction as the handler's writes. state: WAITING (due at next_attempt_at) or PARKED (failed max-attempts
-- times; kept with its last error until it is scheduled again or cancelled). schedule_id changes whenever the
-- timer is scheduled or moved, so a poller never deletes or counts a failure on a newer version of it.
CREATE TABLE sla_timer (
    kind             VARCHAR(100)             NOT NULL,
    timer_key        VARCHAR(300)             NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    payload          TEXT,
    state            VARCHAR(10)              NOT NULL,
    attempts         INT                      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(4000),
    schedule_id      UUID                     NOT NULL,
    scheduled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, timer_key)
);
CREATE INDEX sla_timer_due_idx ON sla_timer (state, next_attempt_at);
