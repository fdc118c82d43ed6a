package dev.manta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A prepared task call, made by {@link Manta#task}: set per-call options, then {@link #remote()}
 * submits it. Not thread-safe; use each call once.
 *
 * <p>Defaults: one CPU, no custom resources, {@link MantaConfig#taskMaxRetries()} retries (unless
 * configured, {@value #DEFAULT_MAX_RETRIES}, as in Ray) after a failure of the process that runs
 * the task (exceptions thrown by the task itself are not retried unless {@link
 * #retryExceptions(boolean)} or {@link #retryExceptions(Class[])} is set).
 *
 * @param <R> the task's return type
 */
public abstract class TaskCall<R> {
  /**
   * Retries after a system failure, as in Ray, unless {@link MantaConfig#taskMaxRetries()} says.
   */
  public static final int DEFAULT_MAX_RETRIES = 3;

  /** {@link #maxRetries} not set: the runtime's {@link MantaConfig#taskMaxRetries()} applies. */
  private static final int UNSET = Integer.MIN_VALUE;

  private String name;
  private double numCpus = 1;
  private Map<String, Double> resources = Map.of();
  private Map<String, String> labelSelector = Map.of();
  private int maxRetries = UNSET;
  private boolean retryExceptions;
  private List<String> retryExceptionTypes = List.of();

  /** For runtime implementations. */
  protected TaskCall() {}

  /**
   * Submits the task and returns at once with the ref of its result. Arguments given as refs are
   * resolved asynchronously; the task runs when they are ready and its resources are free.
   *
   * @throws IllegalArgumentException if an argument cannot be serialized (the message names its
   *     class), or if the function is a capturing lambda
   */
  public abstract ObjectRef<R> remote();

  /** A name for the task, shown in errors, logs and the timeline. */
  public TaskCall<R> name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** CPUs the task holds while it runs (default 1; 0 allowed, fractions allowed). */
  public TaskCall<R> numCpus(double cpus) {
    MantaConfig.checkNonNegative("numCpus", cpus);
    this.numCpus = cpus;
    return this;
  }

  /** A custom resource the task holds while it runs, e.g. {@code resource("GPU", 1)}. */
  public TaskCall<R> resource(String resourceName, double quantity) {
    Objects.requireNonNull(resourceName, "resourceName");
    if (resourceName.equals("CPU")) {
      return numCpus(quantity);
    }
    MantaConfig.checkNonNegative("resource '" + resourceName + "'", quantity);
    if (resources.isEmpty()) {
      resources = new LinkedHashMap<>();
    }
    resources.put(resourceName, quantity);
    return this;
  }

  /**
   * Runs the task only on nodes whose labels ({@code manta start --labels k=v,...}) match {@code
   * selector}, as Ray's {@code label_selector}: for each key, a condition that must hold. A
   * condition is {@code value} (the node's label is that value), {@code !value} (absent or another
   * value), {@code in(a,b,...)} (one of them) or {@code !in(a,b,...)} (absent or none of them). The
   * key {@code manta.io/node-id} is each node's id. Replaces an earlier selector; an empty one (the
   * default) allows every node. Work that no live node matches waits on a cluster, as work needing
   * resources no node has ({@code manta.infeasible}); embedded, where the one node has no labels,
   * only conditions that an absent label meets ({@code !value}) can hold, and others fail at {@link
   * #remote()} unless {@code manta.infeasible=wait}.
   *
   * @throws IllegalArgumentException naming the key, if a key is blank or a condition malformed
   * @throws NullPointerException if {@code selector} is null
   */
  public TaskCall<R> labelSelector(Map<String, String> selector) {
    this.labelSelector = Labels.checked(selector);
    return this;
  }

  /**
   * How often to retry the task after its worker process or node dies (default {@link
   * MantaConfig#taskMaxRetries()}, which is {@value #DEFAULT_MAX_RETRIES} unless configured; -1
   * retries forever, 0 never), and after an exception it throws if {@link
   * #retryExceptions(boolean)} is set. A retry runs the task again under the same id; its result is
   * stored once, and a late result of an earlier try is dropped. A cancelled task is never retried.
   */
  public TaskCall<R> maxRetries(int retries) {
    if (retries < -1) {
      throw new IllegalArgumentException(
          "maxRetries must be >= 0, or -1 to retry forever; was " + retries);
    }
    this.maxRetries = retries;
    return this;
  }

  /**
   * Whether exceptions thrown by the task itself are retried too (default false), each retry using
   * one of {@link #maxRetries(int)}. True retries every exception; it replaces a list given to
   * {@link #retryExceptions(Class[])}, and false turns retrying exceptions off.
   */
  public TaskCall<R> retryExceptions(boolean retry) {
    this.retryExceptions = retry;
    this.retryExceptionTypes = List.of();
    return this;
  }

  /**
   * Retries the task after it throws an exception that is an instance of one of {@code types} (its
   * class, or a subclass of it), each retry using one of {@link #maxRetries(int)}; other exceptions
   * fail the task at once. Only the exception the task threw is matched, not its causes (wrap or
   * unwrap in the task to choose), as Ray matches the raised exception. On a cluster the worker
   * matches by class name, so the classes need not be loadable there. Replaces an earlier {@link
   * #retryExceptions(boolean)} or list; {@code retryExceptions(false)} turns retrying exceptions
   * off again.
   *
   * @throws IllegalArgumentException if {@code types} is empty (use {@code retryExceptions(true)}
   *     to retry every exception) or holds a class that is not a {@code Throwable}
   * @throws NullPointerException if {@code types} or one of them is null
   */
  @SafeVarargs
  public final TaskCall<R> retryExceptions(Class<? extends Throwable>... types) {
    Objects.requireNonNull(types, "types");
    List<Class<? extends Throwable>> list = new ArrayList<>(types.length);
    for (Class<? extends Throwable> t : types) {
      list.add(t);
    }
    return retryExceptions(list);
  }

  /**
   * {@link #retryExceptions(Class[])} with the classes in a list.
   *
   * @throws IllegalArgumentException if {@code types} is empty or holds a class that is not a
   *     {@code Throwable}
   * @throws NullPointerException if {@code types} or one of them is null
   */
  public final TaskCall<R> retryExceptions(List<? extends Class<? extends Throwable>> types) {
    this.retryExceptionTypes = exceptionTypes(types);
    this.retryExceptions = true;
    return this;
  }

  /**
   * The binary names of {@code types}, checked as {@link #retryExceptions(Class[])} says (a class
   * named twice is kept once). For stubs and runtime implementations.
   *
   * @throws IllegalArgumentException if {@code types} is empty or holds a class that is not a
   *     {@code Throwable}
   * @throws NullPointerException if {@code types} or one of them is null
   */
  public static List<String> exceptionTypes(List<? extends Class<?>> types) {
    Objects.requireNonNull(types, "types");
    if (types.isEmpty()) {
      throw new IllegalArgumentException(
          "retryExceptions needs at least one exception class; use retryExceptions(true) to retry"
              + " every exception");
    }
    List<String> names = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      Class<?> c = types.get(i);
      if (c == null) {
        throw new NullPointerException("retryExceptions: exception class " + (i + 1) + " is null");
      }
      if (!Throwable.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException(
            "retryExceptions: "
                + c.getName()
                + " is not an exception class (a subclass of Throwable)");
      }
      if (!names.contains(c.getName())) {
        names.add(c.getName());
      }
    }
    return List.copyOf(names);
  }

  /** The name set by {@link #name(String)}, or null. For runtime implementations. */
  protected final String nameOrNull() {
    return name;
  }

  /** The CPUs requested. For runtime implementations. */
  protected final double requestedCpus() {
    return numCpus;
  }

  /** The custom resources requested. For runtime implementations. */
  protected final Map<String, Double> requestedResources() {
    return Collections.unmodifiableMap(resources);
  }

  /**
   * The label selector set by {@link #labelSelector}, or an empty map. For runtime implementations.
   */
  protected final Map<String, String> requestedLabelSelector() {
    return labelSelector;
  }

  /**
   * The retry budget: the one set by {@link #maxRetries(int)}, else {@code configured} (the
   * runtime's {@link MantaConfig#taskMaxRetries()}). For runtime implementations.
   */
  protected final int requestedMaxRetries(int configured) {
    return maxRetries == UNSET ? configured : maxRetries;
  }

  /** Whether application exceptions are retried. For runtime implementations. */
  protected final boolean requestedRetryExceptions() {
    return retryExceptions;
  }

  /**
   * With {@link #requestedRetryExceptions()}, the binary names of the exception classes retried
   * (empty: every exception). For runtime implementations.
   */
  protected final List<String> requestedRetryExceptionTypes() {
    return retryExceptionTypes;
  }
}
