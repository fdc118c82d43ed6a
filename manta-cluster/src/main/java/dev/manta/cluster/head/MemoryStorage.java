package dev.manta.cluster.head;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link HeadStorage} in this process's memory: nothing outlives the head. */
final class MemoryStorage implements HeadStorage {
  /*
   * Implementation notes
   *  Tables are concurrent maps; commit has nothing to do. Thread-safe without locks.
   */
  private final Map<String, MemoryTable> tables = new ConcurrentHashMap<>();

  private static final class MemoryTable implements Table {
    private final Map<String, byte[]> entries = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] value) {
      entries.put(key, value.clone());
    }

    @Override
    public void remove(String key) {
      entries.remove(key);
    }

    @Override
    public Map<String, byte[]> snapshot() {
      Map<String, byte[]> copy = new HashMap<>();
      entries.forEach((k, v) -> copy.put(k, v.clone()));
      return copy;
    }
  }

  @Override
  public Table table(String name) {
    return tables.computeIfAbsent(name, n -> new MemoryTable());
  }

  @Override
  public void commit() {}

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public String describe() {
    return "memory (lost when the head exits; start it with --storage DIR to keep its tables)";
  }

  @Override
  public void close() {}
}
