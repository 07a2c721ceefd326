package dev.tact.timer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Folds the ids noted in a {@link ChangeLog} into a {@link SummaryTable} (ADR 0046): claims a batch of changes,
 * reads what each id adds now, takes out what its {@link CountedRows counted row} says it added and puts in what it
 * adds now, and deletes the claimed changes, in one transaction. A change committed after the read stays for the
 * next pass, so the summary never lags behind silently; reading afresh makes a change noted twice, or out of order,
 * harmless. The owning module says only what an id adds and to which summary rows.
 *
 * @param now what each id adds now (absent for one that adds nothing, as a deleted one)
 * @param <C> what one id adds to the summary (equal when it adds the same)
 */
public record ChangeFold<C>(ChangeLog changes, Function<List<UUID>, Map<UUID, C>> now, CountedRows<C> counted,
    SummaryTable summary, ChangeFold.Contribution<C> contribution) implements SummaryFolds.Fold<ChangeLog.Change> {

  /** Adds what one id counts, times {@code sign} (1 or -1), to the summary rows it touches. */
  @FunctionalInterface
  public interface Contribution<C> {

    void addTo(SummaryTable.Additions summary, C counted, int sign);
  }

  /** Notes, in the writer's transaction, that the id changed: an INSERT, nothing else. */
  public void changed(UUID id) {
    changes.note(id);
  }

  @Override
  public List<ChangeLog.Change> claim(int limit) {
    return changes.claim(limit);
  }

  @Override
  public long waiting() {
    return changes.count();
  }

  @Override
  public void fold(List<ChangeLog.Change> claimed) {
    SummaryTable.Additions additions = summary.additions();
    for (List<UUID> chunk : ChangeLog.chunksOfIds(claimed)) {
      Map<UUID, C> is = now.apply(chunk);
      Map<UUID, C> was = counted.read(chunk);
      for (UUID id : chunk) {
        if (Objects.equals(was.get(id), is.get(id))) {
          continue;
        }
        if (was.get(id) != null) {
          contribution.addTo(additions, was.get(id), -1);
        }
        if (is.get(id) != null) {
          contribution.addTo(additions, is.get(id), 1);
        }
        counted.replace(id, is.get(id));
      }
    }
    additions.write();
    changes.forget(claimed);
  }
}
