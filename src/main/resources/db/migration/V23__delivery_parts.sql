-- The first day of the sending warm-up (tact.delivery.pacing.warmup), written once by the first node that sends.
CREATE TABLE delivery_warmup (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  started_on DATE NOT NULL
);
