-- Durable timers moved from sla into their own module (timer, ADR 0026): the table takes the module's prefix.
-- Same columns, rows and meaning as V19's sla_timer.
ALTER TABLE sla_timer RENAME TO timer_entry;
ALTER INDEX sla_timer_due_idx RENAME TO timer_entry_due_idx;
