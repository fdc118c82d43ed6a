package dev.manta.cluster.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code manta-cluster} form no cycle (the root package included): rpc below the
 * head, agent and worker, which share nothing but rpc and the generated protocol. A new cycle fails
 * this test with the classes and dependencies that close it.
 */
class ClusterPackageCyclesTest {
  static final JavaClasses CLUSTER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.manta.cluster");

  @Test
  void clusterPackagesAreFreeOfCycles() {
    slices()
        .assignedFrom(
            new SliceAssignment() {
              @Override
              public SliceIdentifier getIdentifierOf(JavaClass c) {
                return SliceIdentifier.of(c.getPackageName());
              }

              @Override
              public String getDescription() {
                return "packages of manta-cluster";
              }
            })
        .should()
        .beFreeOfCycles()
        .check(CLUSTER);
  }
}
