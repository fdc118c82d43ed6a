package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.state.TransferRow;
import org.junit.jupiter.api.Test;

class TransferLineTest {
  @Test
  void aCopyingPull_showsABarPercentBytesAndTime() {
    TransferRow r =
        new TransferRow("ab12", "n1", "127.0.0.1:7002", "job1", 16L << 20, 64L << 20, 1234, false);
    assertThat(StateCommands.transferLine(r))
        .isEqualTo(
            "  ab12 to node n1 from 127.0.0.1:7002: [#####...............]  25% 16.0 MiB of"
                + " 64.0 MiB, 1.2 s");
  }

  @Test
  void aWaitingPull_saysSo_andBarsStayInRange() {
    TransferRow r = new TransferRow("cd34", "n2", "h:1", "job1", 0, 10, 40, true);
    assertThat(StateCommands.transferLine(r))
        .isEqualTo("  cd34 to node n2 from h:1: waiting for a pull slot (40 ms)");
    assertThat(StateCommands.bar(0)).isEqualTo("[....................]");
    assertThat(StateCommands.bar(100)).isEqualTo("[####################]");
    assertThat(new TransferRow("e", "n", "h:1", "j", 0, 0, 0, false).percent()).isEqualTo(100);
  }
}
