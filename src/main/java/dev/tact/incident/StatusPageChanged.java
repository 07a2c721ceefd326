package dev.tact.incident;

/** Something the status page shows changed on this node (in the committing transaction): render it again. */
record StatusPageChanged() {}
