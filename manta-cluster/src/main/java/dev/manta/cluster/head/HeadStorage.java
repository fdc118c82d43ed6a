package dev.manta.cluster.head;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the head keeps its tables: named tables of string keys to byte values, written through by
 * {@link HeadService} as its tables change and read back whole when a head starts. The head keeps
 * its own copy in memory for reads; storage is only written, and read once at start.
 *
 * <p>Durability policy: a change made with {@link Table#put} or {@link Table#remove} is durable
 * once {@link #commit} returns, and every head call that changes a table commits before it answers.
 * What "durable" means is the implementation's: {@link #inMemory} keeps nothing past the process;
 * {@link #open} (H2's MVStore in a folder) writes each commit to its file, so it survives the head
 * process being killed (kill -9); a machine crash may lose what the operating system had not yet
 * written back. Implementations are thread-safe; a commit may include other threads' changes made
 * before it.
 *
 * <p>{@link #open(String)} with {@code redis://HOST:PORT} ({@link RedisStorage}) keeps them in a
 * Redis server, so they survive the head process as long as Redis runs (and, with Redis's AOF,
 * Redis's own restarts).
 *
 * <p>Kept package-private: {@link HeadService} chooses the implementation from {@code --storage}.
 */
interface HeadStorage extends AutoCloseable {
  /** One table. */
  interface Table {
    /** Sets {@code key} to {@code value} (durable after the next {@link #commit}). */
    void put(String key, byte[] value);

    /** Removes {@code key}, if present (durable after the next {@link #commit}). */
    void remove(String key);

    /** A copy of every entry, as of now. */
    Map<String, byte[]> snapshot();
  }

  /** The table {@code name}, empty if new. The same name gives the same table. */
  Table table(String name);

  /**
   * Makes every change so far durable.
   *
   * @throws IllegalStateException if the storage cannot write; the message names it
   */
  void commit();

  /** Whether the tables outlive this process. */
  boolean durable();

  /** Where the tables are, for logs and messages. */
  String describe();

  /** Commits and releases the storage (for a file: its lock). */
  @Override
  void close();

  /** Tables in this process's memory only: a head restart loses them. */
  static HeadStorage inMemory() {
    return new MemoryStorage();
  }

  /**
   * Tables in {@code dir} (created if missing), in one MVStore file, {@code head.mv.db}.
   *
   * @throws IllegalStateException if the folder cannot be used or another head holds it
   */
  static HeadStorage open(Path dir) {
    return MvStoreStorage.open(dir);
  }

  /**
   * The storage {@code spec} names: {@code redis://[:PASSWORD@]HOST:PORT[/PREFIX]} for a Redis,
   * anything else a folder ({@link #open(Path)}).
   *
   * @throws IllegalArgumentException if a Redis address is malformed
   * @throws IllegalStateException if the storage cannot be used or another head holds it
   */
  static HeadStorage open(String spec) {
    return RedisStorage.isRedis(spec) ? RedisStorage.open(spec) : open(Path.of(spec));
  }
}
