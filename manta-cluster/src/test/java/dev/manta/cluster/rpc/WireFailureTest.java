package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.runtime.store.Failure;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A failure's bytes from the wire: a good one reads back; a crafted one (a huge or negative length,
 * a chain of causes deep enough to overflow the stack) is refused with a clear error before
 * anything of that size is allocated.
 */
class WireFailureTest {
  private static Failure chain(int depth) {
    Failure f = null;
    for (int i = 0; i < depth; i++) {
      f =
          new Failure(
              Failure.Kind.TASK_FAILED, "s" + i, "fn", "java.lang.Exception", "m" + i, "", null, f);
    }
    return f;
  }

  private static int depth(Failure f) {
    int d = 0;
    for (; f != null; f = f.cause()) {
      d++;
    }
    return d;
  }

  @Test
  void aFailureWithCauses_readsBack() {
    Failure f = Wire.failure(Wire.failure(chain(3)));
    assertThat(f.subjectId()).isEqualTo("s2");
    assertThat(f.message()).isEqualTo("m2");
    assertThat(depth(f)).isEqualTo(3);
  }

  @Test
  void aChainDeeperThanTheBound_isCutWhenWritten_andReadsBack() {
    assertThat(depth(Wire.failure(Wire.failure(chain(200))))).isEqualTo(Wire.MAX_CAUSE_DEPTH + 1);
  }

  /** The head of a failure's bytes up to its message's length. */
  private static DataOutputStream head(ByteArrayOutputStream b) throws IOException {
    DataOutputStream out = new DataOutputStream(b);
    out.writeUTF("TASK_FAILED");
    out.writeUTF("s");
    out.writeUTF("fn");
    out.writeUTF("java.lang.Exception");
    return out;
  }

  @Test
  void aHugeOrNegativeLength_isRefusedBeforeItIsAllocated() throws IOException {
    for (int n : new int[] {Integer.MAX_VALUE, 1 << 30, -5}) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      DataOutputStream out = head(b);
      out.writeInt(n); // the message's length, with 2 bytes behind it
      out.writeShort(0);
      out.flush();
      assertThatThrownBy(() -> Wire.failure(b.toByteArray()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed failure")
          .hasMessageContaining(Integer.toString(n));
    }
  }

  @Test
  void causesNestedTooDeep_areRefused_notAStackOverflow() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    for (int i = 0; i < 100_000; i++) {
      out.writeUTF("TASK_FAILED");
      out.writeUTF("");
      out.writeUTF("");
      out.writeUTF("");
      out.writeInt(0);
      out.writeInt(0);
      out.writeInt(-1);
      out.writeBoolean(true);
    }
    out.flush();
    assertThatThrownBy(() -> Wire.failure(b.toByteArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deeper than " + Wire.MAX_CAUSE_DEPTH);
  }
}
