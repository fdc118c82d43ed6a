package dev.manta.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFilesTest {
  @TempDir Path dir;

  @Test
  void removeDead_removesOnlyFilesOfDeadOwners_liveBytesCountsTheRest() throws Exception {
    Set<Long> alive = Set.of(100L, 200L);
    Files.write(dir.resolve("manta-store-100-a1"), new byte[1000]);
    Files.write(dir.resolve("manta-store-200-b2"), new byte[24]);
    Files.write(dir.resolve("manta-store-300-c3"), new byte[500]); // its process is gone
    Files.write(dir.resolve("manta-store-notapid"), new byte[7]); // not a store name: kept
    Files.write(dir.resolve("other-300-x"), new byte[7]);

    assertThat(StoreFiles.liveBytes(dir, alive::contains)).isEqualTo(1024);
    assertThat(StoreFiles.removeDead(dir, alive::contains))
        .extracting(StoreFiles.Entry::pid)
        .containsExactly(300L);
    assertThat(dir.resolve("manta-store-300-c3")).doesNotExist();
    assertThat(dir.resolve("manta-store-100-a1")).exists();
    assertThat(dir.resolve("manta-store-200-b2")).exists();
    assertThat(dir.resolve("manta-store-notapid")).exists();
    assertThat(dir.resolve("other-300-x")).exists();
    assertThat(StoreFiles.removeDead(dir.resolve("missing"), alive::contains)).isEmpty();
  }

  @Test
  void aNodeStoreFile_isNamedWithItsOwnersPid() throws Exception {
    NodeStore s =
        new NodeStore(1 << 20, dir.resolve("spill"), java.time.Duration.ofMillis(10), true);
    try {
      String name = s.file().getFileName().toString();
      assertThat(StoreFiles.ownerPid(name)).hasValue(ProcessHandle.current().pid());
    } finally {
      s.close();
    }
  }
}
