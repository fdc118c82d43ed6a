package dev.manta.runtime.port;

import dev.manta.MantaConfig;
import dev.manta.runtime.serial.filter.ValueClassFilter;
import dev.manta.runtime.store.ObjectStore;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Opens a core's ports. The core asks, in this order and once each: {@link #jobId}, {@link
 * #callbackExecutor} and {@link #openStore} while it is being built, then {@link #open} once it is
 * wired and before any work, handing over the one inbound door the ports may use.
 */
public interface PortsFactory {
  /** The job this process belongs to. */
  String jobId();

  /**
   * Runs what the core registers to happen when an object becomes ready (a waiting task's
   * resolution, an actor's death, a user's callback): the ports may complete objects on threads
   * that must never block, such as their transport's event loops, and then hand those actions to
   * other threads. The default runs them on the completing thread.
   */
  default Executor callbackExecutor() {
    return Runnable::run;
  }

  /**
   * How many tasks deep the core keeps lineage, to rebuild objects lost with a node by running
   * their tasks again (0: keeps none). The embedded runtime loses no objects: 0.
   */
  default int lineageMaxTasks() {
    return 0;
  }

  /**
   * The classes that values (arguments, results, {@code put} values) may be of, checked by name
   * before a class is loaded, for processes that read bytes other processes sent. Empty, the
   * default: every class, as in the embedded runtime, whose bytes never leave the process.
   */
  default Optional<ValueClassFilter> valueClassFilter() {
    return Optional.empty();
  }

  /** The node's object store. */
  ObjectStore openStore(MantaConfig config);

  /** The ports of the core behind {@code core}. */
  ClusterPorts open(CoreAccess core);
}
