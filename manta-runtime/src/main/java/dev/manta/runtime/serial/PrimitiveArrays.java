package dev.manta.runtime.serial;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Large primitive arrays as raw bytes in native order: written into store memory and read back with
 * one bulk copy each way, at memory bandwidth, instead of through the serializer.
 */
final class PrimitiveArrays {
  private PrimitiveArrays() {}

  static final int BYTE = 1;
  static final int INT = 2;
  static final int LONG = 3;
  static final int DOUBLE = 4;
  static final int FLOAT = 5;
  static final int SHORT = 6;
  static final int CHAR = 7;

  /** The array kind of {@code value}, or 0 if it is not a primitive array handled here. */
  static int kindOf(Object value) {
    return switch (value) {
      case byte[] a -> BYTE;
      case int[] a -> INT;
      case long[] a -> LONG;
      case double[] a -> DOUBLE;
      case float[] a -> FLOAT;
      case short[] a -> SHORT;
      case char[] a -> CHAR;
      default -> 0;
    };
  }

  /** Size in bytes of the array's content. */
  static long byteLength(Object value) {
    return switch (value) {
      case byte[] a -> a.length;
      case int[] a -> 4L * a.length;
      case long[] a -> 8L * a.length;
      case double[] a -> 8L * a.length;
      case float[] a -> 4L * a.length;
      case short[] a -> 2L * a.length;
      case char[] a -> 2L * a.length;
      default -> throw new IllegalArgumentException("not a primitive array: " + value.getClass());
    };
  }

  /** Copies the array's content into {@code out} (exactly its size). */
  static void write(Object value, ByteBuffer out) {
    ByteBuffer o = out.duplicate().order(ByteOrder.nativeOrder());
    switch (value) {
      case byte[] a -> o.put(a);
      case int[] a -> o.asIntBuffer().put(a);
      case long[] a -> o.asLongBuffer().put(a);
      case double[] a -> o.asDoubleBuffer().put(a);
      case float[] a -> o.asFloatBuffer().put(a);
      case short[] a -> o.asShortBuffer().put(a);
      case char[] a -> o.asCharBuffer().put(a);
      default -> throw new IllegalArgumentException("not a primitive array: " + value.getClass());
    }
  }

  /** A new array of {@code kind} with the content of {@code in}. */
  static Object read(int kind, ByteBuffer in) {
    ByteBuffer b = in.duplicate().order(ByteOrder.nativeOrder());
    int n = b.remaining();
    return switch (kind) {
      case BYTE -> {
        byte[] a = new byte[n];
        b.get(a);
        yield a;
      }
      case INT -> {
        int[] a = new int[n / 4];
        b.asIntBuffer().get(a);
        yield a;
      }
      case LONG -> {
        long[] a = new long[n / 8];
        b.asLongBuffer().get(a);
        yield a;
      }
      case DOUBLE -> {
        double[] a = new double[n / 8];
        b.asDoubleBuffer().get(a);
        yield a;
      }
      case FLOAT -> {
        float[] a = new float[n / 4];
        b.asFloatBuffer().get(a);
        yield a;
      }
      case SHORT -> {
        short[] a = new short[n / 2];
        b.asShortBuffer().get(a);
        yield a;
      }
      case CHAR -> {
        char[] a = new char[n / 2];
        b.asCharBuffer().get(a);
        yield a;
      }
      default -> throw new IllegalStateException("unknown array kind " + kind);
    };
  }
}
