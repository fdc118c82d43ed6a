package dev.manta.cluster.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

/**
 * {@code manta-cluster} reaches the runtime only through its contracts: the ports ({@code
 * runtime.port}), the values they speak ({@code spec}, {@code id}, {@code store}), the serializer
 * ({@code serial}), the JFR event types ({@code events}) and the one entry point that builds a core
 * ({@code runtime.Cores}); never the core worker, the actor system, the reference table, the
 * engine's tasks or the executor. A new dependency on an internal fails this test with the classes
 * that take it.
 */
class ClusterUsesRuntimePortsTest {
  private static final String RUNTIME = "dev.manta.runtime";

  /** What manta-cluster's main code may use of the runtime. */
  static boolean allowed(JavaClass c) {
    String pkg = c.getPackageName();
    return c.getFullName().equals(RUNTIME + ".Cores")
        || inside(pkg, RUNTIME + ".port")
        || inside(pkg, RUNTIME + ".spec")
        || inside(pkg, RUNTIME + ".id")
        || inside(pkg, RUNTIME + ".store")
        || inside(pkg, RUNTIME + ".serial")
        || inside(pkg, RUNTIME + ".events")
        || inside(
            pkg, RUNTIME + ".trace"); // the tracing seam: its setting is checked at node start
  }

  private static boolean inside(String pkg, String root) {
    return pkg.equals(root) || pkg.startsWith(root + ".");
  }

  @Test
  void clusterMainCodeUsesOnlyTheRuntimesPortsAndValues() {
    noClasses()
        .that()
        .resideInAPackage("dev.manta.cluster..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are runtime internals (not port, spec, id, store, serial, events, trace or Cores)",
                (JavaClass c) -> inside(c.getPackageName(), RUNTIME) && !allowed(c)))
        .check(ClusterPackageCyclesTest.CLUSTER);
  }
}
