package dev.manta.runtime.serial.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Fn1;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JavaInputFilterTest {
  private static final ClassLoader LOADER = JavaInputFilterTest.class.getClassLoader();

  static byte[] bytes(Object o) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(b)) {
      out.writeObject(o);
    }
    return b.toByteArray();
  }

  static int twice(int x) {
    return 2 * x;
  }

  /** A value of the job's own code, holding only allowed things. */
  record Point(int x, List<String> names, Map<String, Long> counts) implements Serializable {}

  /** An exception of the job's own code with a field. */
  static final class AppException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Point where;

    AppException(String m, Point where, Throwable cause) {
      super(m, cause);
      this.where = where;
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSerializableLambdaAndTheJobsValuesAreRead() throws Exception {
    Fn1<Integer, Integer> f = JavaInputFilterTest::twice;
    Object back = JavaInputFilter.read(bytes(f), LOADER, JavaInputFilter.Kind.FUNCTION);
    assertThat(((Fn1<Integer, Integer>) back).apply(21)).isEqualTo(42);
    Point p = new Point(3, new ArrayList<>(List.of("a")), new HashMap<>(Map.of("k", 1L)));
    assertThat(JavaInputFilter.read(bytes(p), LOADER, JavaInputFilter.Kind.FUNCTION)).isEqualTo(p);
    Point q = new Point(4, List.of("a", "b"), Map.of());
    assertThat(JavaInputFilter.read(bytes(q), LOADER, JavaInputFilter.Kind.FUNCTION)).isEqualTo(q);
  }

  @Test
  void jdkClassesOutsideTheListAreRefusedByName() throws Exception {
    PriorityQueue<Integer> queue = new PriorityQueue<>(List.of(3, 1, 2));
    assertThatThrownBy(
            () -> JavaInputFilter.read(bytes(queue), LOADER, JavaInputFilter.Kind.FUNCTION))
        .isInstanceOf(RefusedClassException.class)
        .hasMessageContaining("java.util.PriorityQueue")
        .hasMessageContaining("shipped function")
        .satisfies(
            e ->
                assertThat(((RefusedClassException) e).refused())
                    .isEqualTo("java.util.PriorityQueue"));
    // A gadget's first link inside an allowed container is found too.
    Map<Object, Object> withUri = new HashMap<>(Map.of("u", URI.create("http://example.invalid/")));
    assertThatThrownBy(
            () -> JavaInputFilter.read(bytes(withUri), LOADER, JavaInputFilter.Kind.FUNCTION))
        .isInstanceOf(RefusedClassException.class)
        .hasMessageContaining("java.net.URI");
    assertThatThrownBy(
            () ->
                JavaInputFilter.read(
                    bytes(new TreeMap<>(Map.of(1, 2))), LOADER, JavaInputFilter.Kind.THROWABLE))
        .hasMessageContaining("java.util.TreeMap");
    // Exceptions of other JDK modules (javax.management's first links of known chains) too.
    assertThatThrownBy(
            () ->
                JavaInputFilter.read(
                    bytes(new javax.management.BadAttributeValueExpException("v")),
                    LOADER,
                    JavaInputFilter.Kind.THROWABLE))
        .hasMessageContaining("javax.management.BadAttributeValueExpException");
    // SerializedLambda is for functions only.
    Fn1<Integer, Integer> f = JavaInputFilterTest::twice;
    assertThatThrownBy(() -> JavaInputFilter.read(bytes(f), LOADER, JavaInputFilter.Kind.THROWABLE))
        .hasMessageContaining("java.lang.invoke.SerializedLambda");
  }

  @Test
  void exceptionsWithCausesSuppressedAndTheJobsFieldsAreRead() throws Exception {
    AppException e =
        new AppException(
            "boom", new Point(1, List.of(), Map.of()), new IllegalStateException("inner"));
    e.addSuppressed(new java.io.UncheckedIOException(new IOException("io")));
    Object back = JavaInputFilter.read(bytes(e), LOADER, JavaInputFilter.Kind.THROWABLE);
    assertThat(back).isInstanceOf(AppException.class);
    AppException a = (AppException) back;
    assertThat(a).hasMessage("boom");
    assertThat(a.where).isEqualTo(new Point(1, List.of(), Map.of()));
    assertThat(a.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("inner");
    assertThat(a.getSuppressed()).hasSize(1);
    assertThat(a.getStackTrace()).isNotEmpty();
  }

  @Test
  void deepNestingIsRefused() throws Exception {
    List<Object> deep = new ArrayList<>();
    List<Object> cur = deep;
    for (int i = 0; i < 200; i++) {
      List<Object> next = new ArrayList<>();
      cur.add(next);
      cur = next;
    }
    assertThatThrownBy(
            () -> JavaInputFilter.read(bytes(deep), LOADER, JavaInputFilter.Kind.FUNCTION))
        .isInstanceOf(RefusedClassException.class)
        .hasMessageContaining("nesting depth above " + JavaInputFilter.MAX_DEPTH);
  }
}
