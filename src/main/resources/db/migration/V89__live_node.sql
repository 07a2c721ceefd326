-- The nodes sharing this database, each beating every few seconds (ADR 0056). A module listener's publication
-- stored before the start of every node still beating was left by a process that is gone: it is run again at once,
-- by one node. A node that starts under the name of an earlier one replaces its row.
CREATE TABLE live_node (
    node_name  VARCHAR(200)             NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
