package dev.manta.runtime.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * The memory files of shared node stores ({@code manta-store-<pid>-<tag>}, see {@link
 * NodeStore#file()}) in a folder such as {@code /dev/shm}: which belong to live processes, how much
 * they hold, and removing those whose process is gone (a node killed with SIGKILL, or one that
 * failed before it closed its store, leaves its file, and the memory it holds, behind).
 *
 * <p>A file whose name carries no pid, or the pid of a live process, is never touched: a pid reused
 * by another process only keeps a dead node's file a while longer.
 */
public final class StoreFiles {
  static final String PREFIX = "manta-store-";

  /** The folder where a node's store file goes when it has room: memory, not disk. */
  public static final Path SHARED_MEMORY = Path.of("/dev/shm");

  private StoreFiles() {}

  /** One store file: its owner's pid and its size in bytes (the store's capacity). */
  public record Entry(Path file, long pid, long bytes) {}

  /** The store files in {@code dir} (none if it does not exist or cannot be listed). */
  public static List<Entry> list(Path dir) {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path f : files) {
        OptionalLong pid = ownerPid(f.getFileName().toString());
        if (pid.isPresent() && Files.isRegularFile(f)) {
          try {
            out.add(new Entry(f, pid.getAsLong(), Files.size(f)));
          } catch (IOException e) {
            // Gone meanwhile (its node closed it): nothing to count or remove.
          }
        }
      }
    } catch (IOException e) {
      // Unreadable folder: report no files rather than fail a node's start over a cleanup.
    }
    return out;
  }

  /** The bytes held by store files in {@code dir} whose process is alive. */
  public static long liveBytes(Path dir, LongPredicate alive) {
    return list(dir).stream().filter(e -> alive.test(e.pid())).mapToLong(Entry::bytes).sum();
  }

  /**
   * Deletes the store files in {@code dir} whose process is not alive, and returns them (files this
   * user may not delete are left, and not returned).
   */
  public static List<Entry> removeDead(Path dir, LongPredicate alive) {
    List<Entry> removed = new ArrayList<>();
    for (Entry e : list(dir)) {
      if (!alive.test(e.pid())) {
        try {
          if (Files.deleteIfExists(e.file())) {
            removed.add(e);
          }
        } catch (IOException ex) {
          // Another user's file, or gone meanwhile: leave it.
        }
      }
    }
    return removed;
  }

  /** Whether process {@code pid} is alive on this machine. */
  public static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The pid in {@code manta-store-<pid>-<tag>}, if the name has that form. */
  static OptionalLong ownerPid(String name) {
    if (!name.startsWith(PREFIX)) {
      return OptionalLong.empty();
    }
    String rest = name.substring(PREFIX.length());
    int dash = rest.indexOf('-');
    String digits = dash < 0 ? "" : rest.substring(0, dash);
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits));
  }
}
