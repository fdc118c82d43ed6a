package dev.manta.cluster.state;

import java.util.Map;

/**
 * One row of a state listing. {@link #fields()} gives its columns in order, by the names that
 * {@code --filter} and JSON use (lower case, {@code _} between words); values are strings, numbers
 * or booleans.
 */
public sealed interface Row
    permits NodeRow, ActorRow, JobRow, WorkerRow, TaskRow, ObjectRow, SummaryRow, TransferRow {
  /** This row's columns in display order. */
  Map<String, Object> fields();
}
