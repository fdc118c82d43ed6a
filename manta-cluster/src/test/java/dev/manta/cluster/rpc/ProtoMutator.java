package dev.manta.cluster.rpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded mutator of protobuf wire bytes, for fuzz tests: from valid messages (seeds) it makes
 * malformed ones by bit flips, byte inserts and deletes, overwrites with boundary bytes, length
 * fields set to extremes, truncation, splices of two seeds, fields with extreme or overlong
 * varints, and duplicated chunks. The same seed and the same inputs give the same mutants, so a
 * failure's seed (printed by the tests) replays it.
 *
 * <p>Not thread-safe: one per thread.
 */
public final class ProtoMutator {
  private static final byte[] BOUNDARY = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xfe};

  /** Varints at the edges: 0, -1 (10 bytes), 2^31-1, 2^31, 2^63-1, and an overlong 11 bytes. */
  private static final byte[][] EXTREME_VARINTS = {
    varint(0),
    varint(-1L),
    varint(Integer.MAX_VALUE),
    varint(1L << 31),
    varint(Long.MAX_VALUE),
    varint(Integer.MIN_VALUE),
    {
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      0x01
    },
  };

  private final SplittableRandom random;
  private final List<byte[]> seeds;

  /** A mutator of {@code seeds} (each a valid message's bytes), seeded with {@code seed}. */
  public ProtoMutator(long seed, List<byte[]> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("seeds must not be empty");
    }
    this.random = new SplittableRandom(seed);
    this.seeds = List.copyOf(seeds);
  }

  /** The next mutant: a seed with one to three mutations applied. */
  public byte[] next() {
    byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      b = mutate(b);
    }
    return b;
  }

  byte[] mutate(byte[] b) {
    switch (random.nextInt(9)) {
      case 0 -> {
        if (b.length > 0) {
          int bits = 1 + random.nextInt(4);
          for (int i = 0; i < bits; i++) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
          }
        }
        return b;
      }
      case 1 -> {
        return insert(b, random.nextInt(b.length + 1), new byte[] {(byte) random.nextInt(256)});
      }
      case 2 -> {
        if (b.length == 0) {
          return b;
        }
        int at = random.nextInt(b.length);
        int len = 1 + random.nextInt(Math.min(4, b.length - at));
        return delete(b, at, len);
      }
      case 3 -> {
        if (b.length > 0) {
          b[random.nextInt(b.length)] = BOUNDARY[random.nextInt(BOUNDARY.length)];
        }
        return b;
      }
      case 4 -> {
        return corruptLength(b);
      }
      case 5 -> {
        return b.length == 0 ? b : java.util.Arrays.copyOf(b, random.nextInt(b.length));
      }
      case 6 -> {
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        int cut = random.nextInt(b.length + 1);
        int from = random.nextInt(other.length + 1);
        byte[] out = java.util.Arrays.copyOf(b, cut + other.length - from);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
      }
      case 7 -> {
        // A field of a random number and wire type 0 (varint) or 2 (length) with an extreme value.
        int field = 1 + random.nextInt(random.nextBoolean() ? 20 : (1 << 29) - 1);
        int wireType = random.nextBoolean() ? 0 : 2;
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(varint(((long) field << 3) | wireType));
        f.writeBytes(EXTREME_VARINTS[random.nextInt(EXTREME_VARINTS.length)]);
        return insert(b, random.nextInt(b.length + 1), f.toByteArray());
      }
      default -> {
        if (b.length == 0) {
          return b;
        }
        int at = random.nextInt(b.length);
        int len = 1 + random.nextInt(Math.min(16, b.length - at));
        byte[] chunk = java.util.Arrays.copyOfRange(b, at, at + len);
        int copies = 1 + random.nextInt(8);
        for (int i = 0; i < copies; i++) {
          b = insert(b, at, chunk);
        }
        return b;
      }
    }
  }

  /** Sets the length of a length-delimited field found in {@code b} to an extreme varint. */
  private byte[] corruptLength(byte[] b) {
    List<int[]> lengths = new ArrayList<>(); // {offset of the length varint, its size}
    findLengths(b, 0, b.length, lengths, 0);
    if (lengths.isEmpty()) {
      return b;
    }
    int[] l = lengths.get(random.nextInt(lengths.size()));
    byte[] v = EXTREME_VARINTS[random.nextInt(EXTREME_VARINTS.length)];
    if (random.nextInt(4) == 0) {
      v = varint(decode(b, l[0]) + (random.nextBoolean() ? 1 : -1)); // off by one
    }
    byte[] out = delete(b, l[0], l[1]);
    return insert(out, l[0], v);
  }

  /** Records the length varints of the well-formed fields of {@code b[from, to)}, recursively. */
  private static void findLengths(byte[] b, int from, int to, List<int[]> out, int depth) {
    int p = from;
    while (p < to && depth < 8) {
      int[] tag = readVarint(b, p, to);
      if (tag == null) {
        return;
      }
      long t = decode(b, p);
      p += tag[0];
      switch ((int) (t & 7)) {
        case 0 -> {
          int[] v = readVarint(b, p, to);
          if (v == null) {
            return;
          }
          p += v[0];
        }
        case 1 -> p += 8;
        case 5 -> p += 4;
        case 2 -> {
          int[] v = readVarint(b, p, to);
          if (v == null) {
            return;
          }
          long len = decode(b, p);
          if (len < 0 || p + v[0] + len > to) {
            return;
          }
          out.add(new int[] {p, v[0]});
          int start = p + v[0];
          findLengths(b, start, start + (int) len, out, depth + 1);
          p = start + (int) len;
        }
        default -> {
          return;
        }
      }
    }
  }

  /** {size} of the varint at {@code p}, or null if there is none before {@code to}. */
  private static int[] readVarint(byte[] b, int p, int to) {
    for (int i = 0; i < 10 && p + i < to; i++) {
      if ((b[p + i] & 0x80) == 0) {
        return new int[] {i + 1};
      }
    }
    return null;
  }

  private static long decode(byte[] b, int p) {
    long v = 0;
    for (int i = 0; i < 10 && p + i < b.length; i++) {
      v |= (long) (b[p + i] & 0x7f) << (7 * i);
      if ((b[p + i] & 0x80) == 0) {
        break;
      }
    }
    return v;
  }

  static byte[] varint(long v) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    while ((v & ~0x7fL) != 0) {
      o.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    o.write((int) v);
    return o.toByteArray();
  }

  private static byte[] insert(byte[] b, int at, byte[] what) {
    byte[] out = new byte[b.length + what.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(b, at, out, at + what.length, b.length - at);
    return out;
  }

  private static byte[] delete(byte[] b, int at, int len) {
    byte[] out = new byte[b.length - len];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + len, out, at, b.length - at - len);
    return out;
  }

  /**
   * A valid instance of {@code prototype}'s type with every field set (strings {@code
   * "fuzz-<name>"}, numbers 7, two elements per repeated field, nested messages to depth 3): a seed
   * that reaches every field's parser.
   */
  public static Message filled(Message prototype) {
    return fill(prototype.newBuilderForType(), 0).build();
  }

  private static Message.Builder fill(Message.Builder b, int depth) {
    for (FieldDescriptor f : b.getDescriptorForType().getFields()) {
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth >= 3) {
        continue;
      }
      int n = f.isRepeated() ? 2 : 1;
      for (int i = 0; i < n; i++) {
        Object v;
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          v = fill(b.newBuilderForField(f), depth + 1).build();
        } else {
          v = scalar(f, i);
        }
        if (f.isRepeated()) {
          b.addRepeatedField(f, v);
        } else {
          b.setField(f, v);
        }
      }
    }
    return b;
  }

  private static Object scalar(FieldDescriptor f, int i) {
    return switch (f.getJavaType()) {
      case INT -> 7 + i;
      case LONG -> 7L + i;
      case FLOAT -> 1.5f + i;
      case DOUBLE -> 1.5 + i;
      case BOOLEAN -> true;
      case STRING -> "fuzz-" + f.getName() + (i == 0 ? "" : "-" + i);
      case BYTE_STRING -> ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) i});
      case ENUM -> {
        EnumDescriptor e = f.getEnumType();
        yield e.getValues().get(Math.min(1, e.getValues().size() - 1));
      }
      case MESSAGE -> throw new AssertionError(f);
    };
  }
}
