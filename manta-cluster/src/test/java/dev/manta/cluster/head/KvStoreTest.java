package dev.manta.cluster.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KvStoreTest {
  private final KvStore kv = new KvStore(3, 100, 1000, 40, 10);

  @AfterEach
  void invariants() {
    kv.checkInvariants();
  }

  @Test
  void jobsKeepTheirKeysApart_andAnEndedJobsKeysGo() {
    kv.put("j1", "k", new byte[] {1});
    kv.put("j2", "k", new byte[] {2});
    assertThat(kv.get("j1", "k")).containsExactly(1);
    assertThat(kv.get("j2", "k")).containsExactly(2);
    kv.dropJob("j1");
    assertThat(kv.get("j1", "k")).isNull();
    assertThat(kv.get("j2", "k")).containsExactly(2);
  }

  @Test
  void put_pastTheKeyCount_isRefusedAndChangesNothing() {
    kv.put("j", "a", new byte[1]);
    kv.put("j", "b", new byte[1]);
    kv.put("j", "c", new byte[1]);
    assertThatThrownBy(() -> kv.put("j", "d", new byte[1]))
        .isInstanceOf(KvStore.LimitException.class)
        .hasMessageContaining("Job j has 3 keys")
        .hasMessageContaining("manta.kv-max-keys-per-job");
    assertThat(kv.keys("j")).isEqualTo(3);
    assertThat(kv.get("j", "d")).isNull();
    kv.put("j", "a", new byte[2]); // replacing a key adds none
    kv.put("other", "d", new byte[1]); // another job has its own count
    assertThat(kv.bytes("j")).isEqualTo(3 + 2 + 1 + 1);
  }

  @Test
  void put_pastTheBytesOfAJob_orOfOneValueOrKey_isRefused() {
    kv.put("j", "a", new byte[40]);
    kv.put("j", "b", new byte[40]);
    assertThatThrownBy(() -> kv.put("j", "c", new byte[40]))
        .hasMessageContaining("would hold 123 bytes")
        .hasMessageContaining("manta.kv-max-bytes-per-job");
    assertThatThrownBy(() -> kv.put("j", "a", new byte[41]))
        .hasMessageContaining("value of 41 bytes")
        .hasMessageContaining("manta.kv-max-value-bytes");
    assertThatThrownBy(() -> kv.put("j", "k".repeat(11), new byte[1]))
        .hasMessageContaining("key of 11 characters")
        .hasMessageContaining("manta.kv-max-key-bytes");
    assertThat(kv.bytes("j")).isEqualTo(82);
    kv.delete("j", "a");
    kv.put("j", "c", new byte[40]);
    assertThat(kv.bytes("j")).isEqualTo(82);
  }

  @Test
  void aRefusedFirstPutLeavesNoRecordBehind() {
    KvStore tiny = new KvStore(0, 100, 1000, 40, 10);
    assertThatThrownBy(() -> tiny.put("j", "a", new byte[1])).hasMessageContaining("0 keys");
    tiny.checkInvariants();
    assertThat(tiny.keys("j")).isZero();
  }

  @Test
  void put_pastTheBytesOfAllJobs_isRefused_andAnEndedJobGivesItsBytesBack() {
    KvStore shared = new KvStore(10, 100, 150, 80, 10);
    shared.put("j1", "a", new byte[79]); // 80 bytes
    shared.put("j2", "a", new byte[49]); // 50: 130 in all
    assertThatThrownBy(() -> shared.put("j3", "a", new byte[20]))
        .isInstanceOf(KvStore.LimitException.class)
        .hasMessageContaining("would hold 151 bytes of all jobs")
        .hasMessageContaining("limit of 150")
        .hasMessageContaining("manta.kv-max-bytes");
    assertThatThrownBy(() -> shared.put("j2", "a", new byte[70])) // a larger value of a key
        .hasMessageContaining("manta.kv-max-bytes");
    shared.checkInvariants();
    assertThat(shared.keys("j3")).isZero();
    assertThat(shared.get("j2", "a")).hasSize(49);
    assertThat(shared.totalBytes()).isEqualTo(130);
    shared.put("j2", "a", new byte[9]); // shrinking is always taken
    shared.dropJob("j1");
    assertThat(shared.totalBytes()).isEqualTo(10);
    shared.put("j3", "a", new byte[79]);
    shared.delete("j2", "a");
    assertThat(shared.totalBytes()).isEqualTo(80);
    shared.checkInvariants();
  }
}
