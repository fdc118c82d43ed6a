package dev.manta.runtime.serial.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueClassFilterTest {
  private final ValueClassFilter filter = ValueClassFilter.builtIn();

  @Test
  void everyPackageOfTheJdkFallsUnderARootTreatedAsTheJdks() {
    List<String> outside = new ArrayList<>();
    for (ModuleReference m : ModuleFinder.ofSystem().findAll()) {
      for (String p : m.descriptor().packages()) {
        // The serviceability agent's icon folders count as packages but hold no classes.
        boolean icons = p.startsWith("toolbarButtonGraphics.") || p.startsWith("images.");
        if (!icons
            && ValueClassFilter.jdkRoots().stream().noneMatch(r -> (p + ".").startsWith(r))) {
          outside.add(m.descriptor().name() + "/" + p);
        }
      }
    }
    assertThat(outside).as("JDK packages the filter would take for the job's").isEmpty();
  }

  @Test
  void theJobsClassesAndJdkValuesAreAllowed() {
    assertThat(filter.allows("com.acme.Order")).isTrue();
    assertThat(filter.allows("com.acme.Order$Line")).isTrue();
    assertThat(filter.allows("dev.manta.examples.WordCount$Counts")).isTrue();
    assertThat(filter.allows("com.google.common.collect.ImmutableList")).isTrue();
    for (String jdk :
        List.of(
            "java.lang.String",
            "java.lang.Integer",
            "java.math.BigDecimal",
            "java.util.UUID",
            "java.util.Optional",
            "java.util.HashMap",
            "java.util.TreeMap",
            "java.util.ImmutableCollections$ListN",
            "java.util.Collections$UnmodifiableRandomAccessList",
            "java.time.LocalDate",
            "java.time.Ser",
            "java.util.concurrent.ConcurrentHashMap")) {
      assertThat(filter.allows(jdk)).as(jdk).isTrue();
    }
  }

  @Test
  void gadgetsAndLibraryInternalsAreRefused() {
    for (String bad :
        List.of(
            "java.util.PriorityQueue",
            "java.util.concurrent.PriorityBlockingQueue",
            "java.net.URL",
            "java.net.InetAddress",
            "javax.management.ObjectName",
            "javax.management.BadAttributeValueExpException",
            "java.rmi.server.UnicastRemoteObject",
            "javax.naming.InitialContext",
            "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl",
            "sun.misc.Unsafe",
            "jdk.internal.misc.Unsafe",
            "java.lang.ProcessBuilder",
            "java.lang.Runtime",
            "java.lang.reflect.Proxy",
            "io.grpc.ManagedChannel",
            "io.grpc.netty.shaded.io.netty.buffer.PooledByteBufAllocator",
            "org.apache.fory.Fory",
            "com.google.common.base.Suppliers$MemoizingSupplier")) {
      assertThat(filter.allows(bad)).as(bad).isFalse();
    }
  }

  @Test
  void arraysAreJudgedByTheirElementClass() {
    assertThat(filter.allows("[I")).isTrue();
    assertThat(filter.allows("[[J")).isTrue();
    assertThat(filter.allows("[Ljava.lang.String;")).isTrue();
    assertThat(filter.allows("[[Lcom.acme.Order;")).isTrue();
    assertThat(filter.allows("[Ljava.net.URL;")).isFalse();
    assertThat(filter.allows("[[Ljavax.management.ObjectName;")).isFalse();
    assertThat(filter.allows("[X")).isFalse();
    assertThat(filter.allows("[Lcom.acme.Order")).isFalse();
  }

  @Test
  void theSettingAddsClassesPackagesOrEverything() {
    ValueClassFilter more =
        ValueClassFilter.withExtra(List.of("java.util.PriorityQueue", " javax.money. ", "org.x.*"));
    assertThat(more.allows("java.util.PriorityQueue")).isTrue();
    assertThat(more.allows("java.util.PriorityQueue$Itr")).isTrue();
    assertThat(more.allows("java.util.PriorityQueueX")).isFalse();
    assertThat(more.allows("javax.money.convert.Rate")).isTrue();
    assertThat(more.allows("org.x.Y")).isTrue();
    assertThat(more.allows("java.net.URL")).isFalse();
    assertThat(ValueClassFilter.withExtra(List.of("*")).allows("java.net.URL")).isTrue();
    assertThatThrownBy(() -> ValueClassFilter.withExtra(List.of("java.util. PriorityQueue")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ValueClassFilter.ALLOW_SETTING)
        .hasMessageContaining("java.util. PriorityQueue");
  }

  @Test
  void aRefusalNamesTheClassAndTheSetting() {
    assertThatThrownBy(() -> filter.check("[Ljava.net.URL;"))
        .isInstanceOf(RefusedTypeException.class)
        .hasMessageContaining("java.net.URL")
        .hasMessageContaining(ValueClassFilter.ALLOW_SETTING)
        .satisfies(e -> assertThat(((RefusedTypeException) e).refused()).isEqualTo("java.net.URL"));
  }
}
