package dev.manta.cluster.head;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * {@link HeadStorage} in a folder: one H2 MVStore file ({@code head.mv.db}), one MVStore map per
 * table. Pure Java, no native library, no server.
 *
 * <p>Durability: {@link #commit} writes the changes since the last commit as a new chunk of the
 * file, so they survive the head process being killed. MVStore's own background writer also commits
 * about once a second and compacts the file; a store reopened after a kill -9 starts from its last
 * complete chunk. The file is locked while open: a second head on the same folder is refused.
 */
final class MvStoreStorage implements HeadStorage {
  /*
   * Implementation notes
   *  MVStore and its maps are thread-safe; commit() may run on several RPC threads at once and
   *  each stores what was pending when it ran. No locks of our own.
   */
  static final String FILE_NAME = "head.mv.db";

  private final MVStore store;
  private final Path file;

  private MvStoreStorage(MVStore store, Path file) {
    this.store = store;
    this.file = file;
  }

  static MvStoreStorage open(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot create the head's storage folder " + dir + ": " + e + "; pick another --storage",
          e);
    }
    try {
      MVStore s = new MVStore.Builder().fileName(file.toString()).open();
      return new MvStoreStorage(s, file);
    } catch (MVStoreException e) {
      throw new IllegalStateException(
          "Cannot open the head's storage "
              + file
              + " ("
              + e.getMessage()
              + "); is another head using it? One folder serves one head at a time",
          e);
    }
  }

  private static final class MvTable implements Table {
    private final MVMap<String, byte[]> map;

    MvTable(MVMap<String, byte[]> map) {
      this.map = map;
    }

    @Override
    public void put(String key, byte[] value) {
      map.put(key, value.clone());
    }

    @Override
    public void remove(String key) {
      map.remove(key);
    }

    @Override
    public Map<String, byte[]> snapshot() {
      Map<String, byte[]> copy = new HashMap<>();
      map.forEach((k, v) -> copy.put(k, v.clone()));
      return copy;
    }
  }

  @Override
  public Table table(String name) {
    return new MvTable(store.openMap(name));
  }

  @Override
  public void commit() {
    try {
      store.commit();
    } catch (MVStoreException e) {
      throw new IllegalStateException(
          "The head's storage "
              + file
              + " cannot write ("
              + e.getMessage()
              + "); is its disk full?",
          e);
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public String describe() {
    return file.toString();
  }

  @Override
  public void close() {
    if (!store.isClosed()) {
      store.close();
    }
  }
}
