package dev.manta.runtime.spec;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable amount of resources: CPUs and named custom resources, in fixed point (units of
 * 1/10,000) so that adding and subtracting fractions never drifts. As a demand it may also carry a
 * {@link LabelSelector}, which says on which nodes it can be met ({@link #feasibleOn}); amounts
 * ({@link #fitsIn}, {@link #toMap}, ledgers) ignore it.
 */
public final class ResourceSet {
  /** Fixed-point units per resource unit. */
  static final long UNIT = 10_000;

  /** No resources. */
  public static final ResourceSet EMPTY = new ResourceSet(0, Map.of());

  /** One CPU, the default demand of a task. */
  public static final ResourceSet ONE_CPU = new ResourceSet(UNIT, Map.of());

  private final long cpu;
  private final Map<String, Long> custom; // no zero entries
  private final LabelSelector labels;

  private ResourceSet(long cpu, Map<String, Long> custom) {
    this(cpu, custom, LabelSelector.NONE);
  }

  private ResourceSet(long cpu, Map<String, Long> custom, LabelSelector labels) {
    this.cpu = cpu;
    this.custom = custom;
    this.labels = labels;
  }

  /** These amounts, demanded on nodes that {@code selector} matches. */
  public ResourceSet withLabels(LabelSelector selector) {
    return selector.equals(labels) ? this : new ResourceSet(cpu, custom, selector);
  }

  /** The nodes this demand may be met on ({@link LabelSelector#NONE}: any). */
  public LabelSelector labels() {
    return labels;
  }

  /**
   * Whether this demand could ever be met by a node with {@code total} resources, {@code
   * nodeLabels} and id {@code nodeId}: its amounts fit and its label selector matches.
   */
  public boolean feasibleOn(ResourceSet total, Map<String, String> nodeLabels, String nodeId) {
    return feasibleIn(total) && labels.matches(nodeLabels, nodeId);
  }

  /** A set of {@code cpus} CPUs and the given custom resources (negative values refused). */
  public static ResourceSet of(double cpus, Map<String, Double> custom) {
    long c = toFixed("CPU", cpus);
    if (custom.isEmpty()) {
      return c == 0 ? EMPTY : c == UNIT ? ONE_CPU : new ResourceSet(c, Map.of());
    }
    Map<String, Long> m = new TreeMap<>();
    custom.forEach(
        (k, v) -> {
          long f = toFixed(k, v);
          if (f != 0) {
            m.put(k, f);
          }
        });
    return new ResourceSet(c, Map.copyOf(m));
  }

  private static long toFixed(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          "resource '" + name + "' must be a finite number >= 0, was " + v);
    }
    return Math.round(v * UNIT);
  }

  /**
   * Whether every amount here is at most the amount in {@code available} (fixed-point units, as
   * {@link #cpu()} and {@link #custom()} give them: the scheduler's ledger).
   */
  public boolean fitsIn(long availableCpu, Map<String, Long> available) {
    if (cpu > availableCpu) {
      return false;
    }
    for (Map.Entry<String, Long> e : custom.entrySet()) {
      if (e.getValue() > available.getOrDefault(e.getKey(), 0L)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this demand's amounts could ever be met by {@code total} (labels not looked at). */
  public boolean feasibleIn(ResourceSet total) {
    return fitsIn(total.cpu, total.custom);
  }

  /** The CPUs, in fixed-point units (1/10,000). */
  public long cpu() {
    return cpu;
  }

  /** The custom amounts, in fixed-point units; unmodifiable. */
  public Map<String, Long> custom() {
    return custom;
  }

  /** A mutable copy of the custom amounts, for the scheduler's ledger. */
  public Map<String, Long> customCopy() {
    return new HashMap<>(custom);
  }

  /** The amounts by name ({@code CPU} first), for the wire and for messages. */
  public Map<String, Double> toMap() {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    if (cpu != 0) {
      m.put("CPU", cpu / (double) UNIT);
    }
    custom.forEach((k, v) -> m.put(k, v / (double) UNIT));
    return m;
  }

  /** A set from {@link #toMap()}'s form. */
  public static ResourceSet fromMap(Map<String, Double> amounts) {
    Map<String, Double> custom = new java.util.HashMap<>(amounts);
    Double cpus = custom.remove("CPU");
    return of(cpus == null ? 0 : cpus, custom);
  }

  /** Whether this set asks for nothing. */
  public boolean isEmpty() {
    return cpu == 0 && custom.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceSet r
        && r.cpu == cpu
        && r.custom.equals(custom)
        && r.labels.equals(labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cpu, custom, labels);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{CPU=").append(cpu / (double) UNIT);
    custom.forEach((k, v) -> sb.append(", ").append(k).append('=').append(v / (double) UNIT));
    sb.append('}');
    if (!labels.isEmpty()) {
      sb.append(" on nodes labelled ").append(labels);
    }
    return sb.toString();
  }
}
