package dev.manta.runtime.store;

import dev.manta.ObjectStoreFullException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spill files: objects pushed out of memory are appended to large files (batched, not one file per
 * object), read back on demand, and a file is deleted once every object in it is freed. Files are
 * named {@code manta-spill-<pid>-<n>.bin}; at start-up, files of processes that no longer run are
 * deleted (leftovers of a crash). Not thread-safe: the store's lock guards it.
 */
final class SpillFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpillFiles.class);
  private static final String PREFIX = "manta-spill-";

  private final Path dir;
  private final long maxFileBytes;
  private final String tag;
  private SpillFile current;
  private final java.util.Set<SpillFile> open = new java.util.HashSet<>();
  private int sequence;
  private long bytesOnDisk;
  private long objectsOnDisk;

  SpillFiles(Path dir, long maxFileBytes, String tag) {
    this.dir = dir;
    this.maxFileBytes = maxFileBytes;
    this.tag = tag;
  }

  /** Deletes spill files left by processes that are no longer running. Returns the count. */
  static int removeLeftovers(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.bin")) {
      for (Path f : files) {
        String[] parts = f.getFileName().toString().substring(PREFIX.length()).split("-", -1);
        long pid;
        try {
          pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
          continue; // not ours
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        Files.deleteIfExists(f);
        removed++;
      }
    } catch (IOException e) {
      LOG.warn("Could not clean old spill files in {}: {}", dir, e.toString());
    }
    if (removed > 0) {
      LOG.warn("Removed {} spill files left by crashed Manta processes in {}", removed, dir);
    }
    return removed;
  }

  /**
   * Appends {@code data} (its remaining bytes) to the current spill file.
   *
   * @throws ObjectStoreFullException if the directory is not writable or the disk is full
   */
  Location write(ByteBuffer data) {
    int length = data.remaining();
    try {
      if (current == null || (current.size + length > maxFileBytes && current.size > 0)) {
        rollOver();
      }
      SpillFile f = current;
      long offset = f.size;
      while (data.hasRemaining()) {
        f.channel.write(data, offset + (length - data.remaining()));
      }
      f.size += length;
      f.live++;
      bytesOnDisk += length;
      objectsOnDisk++;
      return new Location(f, offset, length);
    } catch (IOException e) {
      throw new ObjectStoreFullException(
          "Cannot spill "
              + length
              + " bytes to "
              + dir
              + " ("
              + e
              + "); the spill directory must exist or be creatable, be writable and have free"
              + " space: set MantaConfig.spillDirectory / manta.spill-dir, or raise"
              + " objectStoreBytes",
          e);
    }
  }

  /** Reads the object at {@code loc} into {@code into} (exactly its length). */
  void read(Location loc, ByteBuffer into) {
    try {
      long pos = loc.offset();
      while (into.hasRemaining()) {
        int n = loc.file().channel.read(into, pos);
        if (n < 0) {
          throw new IOException("spill file " + loc.file().path + " is shorter than expected");
        }
        pos += n;
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot restore a spilled object from " + loc.file().path + ": " + e, e);
    }
  }

  /**
   * The object at {@code loc} is gone: deletes its file when nothing in it is live, the current
   * file too (the next spill starts a new one), so freed objects leave no bytes on disk.
   */
  void release(Location loc) {
    SpillFile f = loc.file();
    f.live--;
    bytesOnDisk -= loc.length();
    objectsOnDisk--;
    if (f.live == 0) {
      f.delete();
      open.remove(f);
      if (f == current) {
        current = null;
      }
    }
  }

  long bytesOnDisk() {
    return bytesOnDisk;
  }

  long objectsOnDisk() {
    return objectsOnDisk;
  }

  private void rollOver() throws IOException {
    if (current != null && current.live == 0) {
      current.delete();
      open.remove(current);
    }
    PrivateFiles.createDirectories(dir);
    Path p =
        dir.resolve(PREFIX + ProcessHandle.current().pid() + "-" + tag + "-" + sequence++ + ".bin");
    current = new SpillFile(p, PrivateFiles.createNew(p)); // 0600, like the store's memory
    open.add(current);
  }

  @Override
  public void close() {
    for (SpillFile f : open) {
      f.delete();
    }
    open.clear();
    current = null;
  }

  /** Number of spill files on disk now. */
  int fileCount() {
    return open.size();
  }

  /**
   * Where a spilled object lies.
   *
   * @param file the spill file
   * @param offset its offset in the file
   * @param length its length
   */
  record Location(SpillFile file, long offset, int length) {}

  /** One open spill file. */
  static final class SpillFile {
    final Path path;
    final FileChannel channel;
    long size;
    int live;

    SpillFile(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    void delete() {
      try {
        channel.close();
        Files.deleteIfExists(path);
      } catch (IOException e) {
        LOG.warn("Could not delete spill file {}: {}", path, e.toString());
      }
    }
  }
}
