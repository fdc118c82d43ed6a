package dev.manta.runtime.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.runtime.serial.filter.RefusedTypeException;
import dev.manta.runtime.serial.filter.ValueClassFilter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The cluster's class filter inside the serializer: what it lets through and what it stops. */
class SerializerFilterTest {
  private static final ClassLoader LOADER = SerializerFilterTest.class.getClassLoader();
  private static final String TRIPWIRE = "javax.mantatest.Tripwire";

  enum Colour {
    RED,
    GREEN
  }

  record Line(String sku, int qty, BigDecimal price) {}

  record Order(UUID id, List<Line> lines, Colour colour, Line[] extra, Optional<Instant> at) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Order other
          && id.equals(other.id)
          && lines.equals(other.lines)
          && colour == other.colour
          && Arrays.equals(extra, other.extra)
          && at.equals(other.at);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
  }

  /** A plain class of the job's, with fields of allowed kinds. */
  static final class Account {
    String owner = "ann";
    long[] history = {1, 2, 3};
    Map<String, List<Integer>> tags = new HashMap<>(Map.of("a", List.of(1, 2)));
  }

  private static Serializer filtered(ClassLoader loader) {
    return new Serializer(List.of(), loader, true, ValueClassFilter.builtIn());
  }

  private static Serializer open(ClassLoader loader) {
    return new Serializer(List.of(), loader, true, null);
  }

  private static byte[] write(Serializer s, Object v) {
    return s.serialize(v, h -> {});
  }

  @Test
  void theJobsValuesAndSafeJdkValuesStillTravel() {
    Serializer writer = filtered(LOADER);
    Serializer reader = filtered(LOADER); // a fresh process: its first contact is a read
    Line l = new Line("x", 2, new BigDecimal("9.99"));
    List<Object> values =
        List.of(
            new Order(
                UUID.randomUUID(),
                List.of(l),
                Colour.GREEN,
                new Line[] {l},
                Optional.of(Instant.ofEpochSecond(7))),
            Colour.RED,
            new Colour[] {Colour.RED, Colour.GREEN},
            new int[] {1, 2},
            new String[][] {{"a"}, {"b", "c"}},
            List.of(1, 2, 3),
            Map.of("k", 1L),
            Set.of("s"),
            new ArrayList<>(List.of("a", "b")),
            new LinkedHashMap<>(Map.of("a", 1)),
            new TreeMap<>(Map.of("b", 2, "a", 1)),
            new TreeSet<>(Set.of(3, 1, 2)),
            new ArrayDeque<>(List.of(1, 2)),
            new ConcurrentHashMap<>(Map.of("c", 3)),
            EnumSet.of(Colour.RED),
            new EnumMap<>(Map.of(Colour.GREEN, "g")),
            Arrays.asList("x", "y"),
            Collections.unmodifiableList(new ArrayList<>(List.of(4))),
            Collections.emptyMap(),
            Optional.of("o"),
            new BigInteger("123456789012345678901234567890"),
            URI.create("https://example.invalid/a"),
            LocalDate.of(2026, 12, 1),
            Duration.ofMillis(1500),
            ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneId.of("Europe/Paris")),
            TimeUnit.SECONDS,
            new StringBuilder("sb").toString(),
            new IllegalStateException("as a value"));
    for (Object v : values) {
      Object back = reader.deserialize(write(writer, v));
      if (v instanceof ArrayDeque<?> d) {
        assertThat(List.copyOf((ArrayDeque<?>) back)).isEqualTo(List.copyOf(d));
      } else if (v instanceof Throwable t) {
        assertThat(back).isInstanceOf(IllegalStateException.class);
        assertThat(((Throwable) back).getMessage()).isEqualTo(t.getMessage());
      } else {
        assertThat(back).as(v.getClass().getName()).isEqualTo(v);
      }
    }
    Account a = (Account) reader.deserialize(write(writer, new Account()));
    assertThat(a.history).containsExactly(1, 2, 3);
    assertThat(a.tags).isEqualTo(Map.of("a", List.of(1, 2)));
    AtomicInteger counter = (AtomicInteger) reader.deserialize(write(writer, new AtomicInteger(5)));
    assertThat(counter.get()).isEqualTo(5);
  }

  @Test
  void gadgetClassesAreRefusedWhenReadAndWhenWritten() throws Exception {
    Serializer open = open(LOADER);
    Serializer reader = filtered(LOADER);
    PriorityQueue<Integer> queue = new PriorityQueue<>(List.of(3, 1, 2));
    assertThatThrownBy(() -> reader.deserialize(write(open, queue)))
        .isInstanceOf(RefusedTypeException.class)
        .hasMessageContaining("java.util.PriorityQueue")
        .hasMessageContaining(ValueClassFilter.ALLOW_SETTING);
    Map<String, Object> nested = new HashMap<>(Map.of("u", new URL("http://example.invalid/")));
    assertThatThrownBy(() -> reader.deserialize(write(open, List.of(nested))))
        .isInstanceOf(RefusedTypeException.class)
        .satisfies(e -> assertThat(((RefusedTypeException) e).refused()).isEqualTo("java.net.URL"));
    ObjectName name = new ObjectName("manta:type=Test");
    assertThatThrownBy(() -> reader.deserialize(write(open, new Object[] {name})))
        .isInstanceOf(RefusedTypeException.class)
        .hasMessageContaining("javax.management.ObjectName");
    // The sender learns first: a filtered process will not write what others would refuse.
    assertThatThrownBy(() -> write(reader, queue))
        .isInstanceOf(IllegalArgumentException.class)
        .hasCauseInstanceOf(RefusedTypeException.class)
        .hasMessageContaining("java.util.PriorityQueue");
    // The serializer still works after a refusal.
    assertThat(reader.deserialize(write(open, List.of("fine")))).isEqualTo(List.of("fine"));
  }

  @Test
  void aRefusedClassIsNeverLoadedNorInitialised() throws Exception {
    URL classes = SerializerFilterTest.class.getProtectionDomain().getCodeSource().getLocation();
    // The attacker's process: its own copy of the class, initialised there.
    try (URLClassLoader theirs = isolated(classes);
        RecordingLoader ours = new RecordingLoader(classes);
        URLClassLoader control = isolated(classes)) {
      Object tripwire = theirs.loadClass(TRIPWIRE).getConstructor().newInstance();
      assertThat(initialisations(theirs)).isEqualTo(1);
      byte[] payload = write(open(theirs), List.of("innocent", tripwire));

      assertThatThrownBy(() -> filtered(ours).deserialize(payload))
          .isInstanceOf(RefusedTypeException.class)
          .hasMessageContaining(TRIPWIRE)
          .satisfies(e -> assertThat(((RefusedTypeException) e).refused()).isEqualTo(TRIPWIRE));
      assertThat(ours.asked).doesNotContain(TRIPWIRE);
      assertThat(ours.loaded(TRIPWIRE)).isFalse();
      assertThat(initialisations(ours)).isZero();

      // Control: without the filter, reading the same bytes initialises the class.
      Object copy = ((List<?>) open(control).deserialize(payload)).get(1);
      assertThat(copy.getClass().getName()).isEqualTo(TRIPWIRE);
      assertThat(initialisations(control)).isEqualTo(1);
    }
  }

  /** A loader of the test classes alone (the JDK beneath), so each has its own Tripwire. */
  private static URLClassLoader isolated(URL classes) {
    return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
  }

  private static int initialisations(ClassLoader l) throws ReflectiveOperationException {
    Class<?> probe = Class.forName("javax.mantatest.TripwireProbe", true, l);
    return ((AtomicInteger) probe.getField("INITIALISED").get(null)).get();
  }

  /** Records every class it is asked for, and tells whether it loaded one. */
  private static final class RecordingLoader extends URLClassLoader {
    final Set<String> asked = ConcurrentHashMap.newKeySet();

    RecordingLoader(URL classes) {
      super(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      asked.add(name);
      return super.loadClass(name, resolve);
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }
  }
}
