package dev.manta.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store's memory: one memory-mapped file, off the Java heap, split into chunks of at most
 * {@link #MAX_CHUNK_BYTES} (a {@link MappedByteBuffer} is int-indexed), each with a best-fit
 * allocator of 64-byte-aligned blocks. Being a file, it can later be mapped by several worker JVMs
 * of one node (the cluster's shared store). Not thread-safe: the store's lock guards it.
 */
final class MappedRegion implements AutoCloseable {
  /*
   * Implementation notes
   *  I1  Per chunk, free blocks never overlap and adjacent free blocks are merged on free, so
   *      sum(free) + sum(allocated) == chunk size at all times.
   *  I2  A block is aligned to ALIGN bytes and lies within one chunk; an object larger than a
   *      chunk cannot be stored (the store refuses it with a clear error first).
   */
  static final int ALIGN = 64;
  static final long MAX_CHUNK_BYTES = (1L << 31) - (1L << 20);

  private final List<Chunk> chunks = new ArrayList<>();
  private final long capacity;
  private final Path file;
  private final FileChannel channel; // kept open after the file is deleted, for views

  private final boolean shared;

  /**
   * A region of {@code capacity} bytes in a new file in {@code dir}, deleted once mapped unless
   * {@code shared} (then on {@link #close}).
   */
  MappedRegion(long capacity, Path dir, String name, boolean shared) {
    this.shared = shared;
    this.capacity = capacity;
    try {
      PrivateFiles.createDirectories(dir);
      this.file = dir.resolve(name);
      this.channel = PrivateFiles.createNew(file); // 0600: it holds every object's bytes
      try {
        long offset = 0;
        while (offset < capacity) {
          long size = Math.min(MAX_CHUNK_BYTES, capacity - offset);
          chunks.add(new Chunk(channel.map(FileChannel.MapMode.READ_WRITE, offset, size), size));
          offset += size;
        }
      } finally {
        if (!shared) {
          Files.deleteIfExists(file); // mappings stay valid; nothing is left behind on a crash
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create the object store's memory (" + capacity + " bytes) in " + dir, e);
    }
  }

  /** The memory file (it exists only while the region is open, and only if shared). */
  Path file() {
    return file;
  }

  /** The block's position in the file. */
  long absoluteOffset(Block b) {
    return b.chunk() * MAX_CHUNK_BYTES + b.offset();
  }

  /** The largest object a block can hold. */
  long maxBlockBytes() {
    return Math.min(capacity, MAX_CHUNK_BYTES);
  }

  /** Bytes a block for {@code size} bytes takes. */
  static long blockSize(long size) {
    return Math.max(ALIGN, (size + ALIGN - 1) & -ALIGN);
  }

  /** Allocates a block for {@code size} bytes, or returns null if no free block is big enough. */
  Block allocate(long size) {
    return allocate(size, false);
  }

  /**
   * As {@link #allocate(long)}; with {@code touchedOnly}, only within memory some earlier block
   * used: a first write to a page of the file costs a page fault and the kernel zeroing it (about 1
   * GB/s here, against 14 GB/s or more for pages written before), so reusing them is far cheaper.
   */
  Block allocate(long size, boolean touchedOnly) {
    long need = blockSize(size);
    for (int i = 0; i < chunks.size(); i++) {
      long offset = chunks.get(i).allocate(need, touchedOnly);
      if (offset >= 0) {
        return new Block(i, offset, need, (int) size);
      }
    }
    return null;
  }

  /** Returns {@code b} to the free lists. */
  void free(Block b) {
    chunks.get(b.chunk()).free(b.offset(), b.blockBytes());
  }

  /** A view of the block's {@code length} bytes; absolute positions, independent per caller. */
  ByteBuffer view(Block b) {
    return chunks.get(b.chunk()).buffer.slice((int) b.offset(), b.length());
  }

  /**
   * A new read-only mapping of the block's bytes: a root buffer, so every buffer derived from it
   * keeps it reachable (a slice of a shared mapping would not).
   */
  ByteBuffer mapReadOnly(Block b) {
    try {
      return channel.map(
          FileChannel.MapMode.READ_ONLY, b.chunk() * MAX_CHUNK_BYTES + b.offset(), b.length());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot map a view of the object store", e);
    }
  }

  /** Copies {@code bytes} into the block. Safe concurrently for disjoint blocks. */
  void write(Block b, byte[] bytes) {
    chunks.get(b.chunk()).buffer.put((int) b.offset(), bytes, 0, bytes.length);
  }

  /** Bytes free in all chunks (for invariant checks). */
  long freeBytes() {
    long f = 0;
    for (Chunk c : chunks) {
      for (long s : c.free.values()) {
        f += s;
      }
    }
    return f;
  }

  long capacity() {
    return capacity;
  }

  @Override
  public void close() {
    chunks.clear(); // the mappings go with the buffers once unreachable
    try {
      channel.close();
      if (shared) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An allocated block.
   *
   * @param chunk index of the chunk
   * @param offset byte offset within the chunk
   * @param blockBytes bytes reserved (aligned)
   * @param length bytes of the object
   */
  record Block(int chunk, long offset, long blockBytes, int length) {}

  private static final class Chunk {
    final MappedByteBuffer buffer;
    final TreeMap<Long, Long> free = new TreeMap<>(); // offset -> size
    long touched; // end of the highest block ever allocated: memory below it was written

    Chunk(MappedByteBuffer buffer, long size) {
      this.buffer = buffer;
      free.put(0L, size);
    }

    long allocate(long need, boolean touchedOnly) {
      Map.Entry<Long, Long> best = null;
      for (Map.Entry<Long, Long> e : free.entrySet()) {
        if (touchedOnly && e.getKey() + need > touched) {
          continue;
        }
        if (e.getValue() >= need && (best == null || e.getValue() < best.getValue())) {
          best = e;
          if (e.getValue() == need) {
            break;
          }
        }
      }
      if (best == null) {
        return -1;
      }
      long offset = best.getKey();
      long rest = best.getValue() - need;
      touched = Math.max(touched, offset + need);
      free.remove(offset);
      if (rest > 0) {
        free.put(offset + need, rest);
      }
      return offset;
    }

    void free(long offset, long size) {
      Map.Entry<Long, Long> before = free.floorEntry(offset);
      if (before != null && before.getKey() + before.getValue() == offset) {
        offset = before.getKey();
        size += before.getValue();
        free.remove(before.getKey());
      }
      Long afterSize = free.get(offset + size);
      if (afterSize != null) {
        free.remove(offset + size);
        size += afterSize;
      }
      free.put(offset, size);
    }
  }
}
