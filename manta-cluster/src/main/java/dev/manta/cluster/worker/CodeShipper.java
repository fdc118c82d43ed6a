package dev.manta.cluster.worker;

import com.google.protobuf.ByteString;
import dev.manta.cluster.code.ContentHashes;
import dev.manta.cluster.proto.Chunk;
import dev.manta.cluster.proto.CodeEntry;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A driver's code, shipped to the cluster: every class path entry (a jar as is, a class folder
 * packed into a jar with fixed timestamps, so its hash only changes with its content), named by
 * SHA-256 so agents fetch each once and cache it. A jar's hash comes from this user's {@link
 * ContentHashes} cache when the jar did not change since it was last hashed.
 */
final class CodeShipper {
  private static final int CHUNK = 1 << 20;

  private final Map<String, Object> bySha = new ConcurrentHashMap<>(); // Path or byte[]
  private final List<CodeEntry> entries = new ArrayList<>();

  /** Hashes (and packs) the entries of {@code classPath}. */
  CodeShipper(String classPath) {
    for (String e : classPath.split(File.pathSeparator)) {
      if (e.isBlank()) {
        continue;
      }
      Path p = Path.of(e);
      try {
        if (Files.isRegularFile(p)) {
          String sha = ContentHashes.shared().of(p);
          bySha.put(sha, p);
          entries.add(entry(sha, p.getFileName().toString(), Files.size(p)));
        } else if (Files.isDirectory(p)) {
          byte[] jar = pack(p);
          String sha = ContentHashes.compute(jar);
          bySha.put(sha, jar);
          entries.add(entry(sha, p + " (packed)", jar.length));
        }
      } catch (IOException ex) {
        throw new UncheckedIOException("Cannot read class path entry " + p + " to ship it", ex);
      }
    }
  }

  private static CodeEntry entry(String sha, String name, long size) {
    return CodeEntry.newBuilder().setSha256(sha).setName(name).setSize(size).build();
  }

  List<CodeEntry> entries() {
    return entries;
  }

  private static byte[] pack(Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      for (Path f : files) {
        JarEntry je = new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/'));
        je.setTime(0);
        jar.putNextEntry(je);
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Streams the entry with hash {@code sha} in chunks. */
  void stream(String sha, StreamObserver<Chunk> out) {
    Object o = bySha.get(sha);
    if (o == null) {
      out.onError(Status.NOT_FOUND.withDescription("no code entry " + sha).asRuntimeException());
      return;
    }
    try {
      byte[] all = o instanceof Path p ? Files.readAllBytes(p) : (byte[]) o;
      for (int off = 0; off < all.length; off += CHUNK) {
        int n = Math.min(CHUNK, all.length - off);
        out.onNext(
            Chunk.newBuilder()
                .setOffset(off)
                .setTotalLength(all.length)
                .setData(ByteString.copyFrom(all, off, n))
                .build());
      }
      out.onCompleted();
    } catch (IOException e) {
      out.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
    }
  }
}
