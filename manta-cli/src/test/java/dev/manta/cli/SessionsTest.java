package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
  private static final LocalDateTime T1 = LocalDateTime.of(2026, 11, 28, 9, 5, 7);
  private static final LocalDateTime T2 = T1.plusMinutes(1);

  @TempDir Path root;
  private final Set<Long> live = new HashSet<>();

  private Sessions sessions() {
    return new Sessions(root, live::contains);
  }

  @Test
  void root_optionBeatsEnvBeatsDefault() {
    Path option = Path.of("/opt/x");
    assertThat(Sessions.root(option, Map.of("MANTA_SESSION_ROOT", "/env"))).isEqualTo(option);
    assertThat(Sessions.root(null, Map.of("MANTA_SESSION_ROOT", "/env")))
        .isEqualTo(Path.of("/env"));
    assertThat(Sessions.root(null, Map.of())).isEqualTo(Path.of("/tmp/manta"));
    assertThat(Sessions.root(null, Map.of("MANTA_SESSION_ROOT", " ")))
        .isEqualTo(Path.of("/tmp/manta"));
  }

  @Test
  void createForHead_namesByTimeAndPid_latestOnlyOnceMadeLatest() throws IOException {
    Path s = sessions().createForHead(T1, 42);
    assertThat(s).isEqualTo(root.resolve("session_20261128_090507_42"));
    assertThat(s.resolve("logs")).isDirectory();
    assertThat(sessions().latest()).isEmpty(); // its head is not ready yet
    sessions().makeLatest(s);
    Path link = root.resolve("session_latest");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("session_20261128_090507_42"));
    assertThat(sessions().latest()).contains(s.toRealPath());
  }

  @Test
  void createForHead_twice_latestMovesOnlyWhenTheNewerIsMadeLatest() throws IOException {
    Path first = sessions().createForHead(T1, 42);
    sessions().makeLatest(first);
    Path second = sessions().createForHead(T2, 43);
    assertThat(sessions().latest()).contains(first.toRealPath()); // a failed head changes nothing
    sessions().makeLatest(second);
    assertThat(sessions().latest()).contains(second.toRealPath());
    assertThat(sessions().all()).hasSize(2).doesNotContain(root.resolve("session_latest"));
  }

  @Test
  void selectForNode_headAlive_reusesLatest() throws IOException {
    Path head = sessions().createForHead(T1, 42);
    sessions().makeLatest(head);
    Sessions.recordPid(head, 1000);
    Sessions.recordHead(head, "127.0.0.1:6380", 1000);
    live.add(1000L);
    assertThat(sessions().selectForNode("10.0.0.1:6380", T2, 43)).isEqualTo(head.toRealPath());
  }

  @Test
  void selectForNode_headDead_createsNewSession() throws IOException {
    Path head = sessions().createForHead(T1, 42);
    sessions().makeLatest(head);
    Sessions.recordPid(head, 1000);
    Sessions.recordHead(head, "127.0.0.1:6380", 1000);
    Path node = sessions().selectForNode("127.0.0.1:6380", T2, 43);
    assertThat(node).isEqualTo(root.resolve("session_20261128_090607_43"));
    sessions().makeLatest(node);
    assertThat(sessions().latest()).contains(node.toRealPath());
  }

  @Test
  void selectForNode_noSession_createsOne() {
    Path node = sessions().selectForNode("10.0.0.1:6380", T1, 43);
    assertThat(node).isEqualTo(root.resolve("session_20261128_090507_43"));
  }

  @Test
  void selectForNode_remoteHeadSessionWithLiveNode_reusedForSameHeadOnly() throws IOException {
    Path first = sessions().selectForNode("10.0.0.1:6380", T1, 43);
    sessions().makeLatest(first);
    Sessions.recordPid(first, 2000);
    Sessions.recordHead(first, "10.0.0.1:6380", -1);
    live.add(2000L);
    assertThat(sessions().selectForNode("10.0.0.1:6380", T2, 44)).isEqualTo(first.toRealPath());
    Path other = sessions().selectForNode("10.0.0.2:6380", T2, 45);
    assertThat(other).isEqualTo(root.resolve("session_20261128_090607_45"));
  }

  @Test
  void pids_recordedInOrder_skipsJunkLines() throws IOException {
    Path s = sessions().createForHead(T1, 42);
    Sessions.recordPid(s, 7);
    Sessions.recordPid(s, 8);
    Files.writeString(s.resolve("pids"), "junk\n\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(Sessions.pids(s)).containsExactly(7L, 8L);
    assertThat(Sessions.pids(root)).isEmpty();
  }

  @Test
  void latestHeadAddress_readsHeadAddressOfLatest() {
    assertThat(sessions().latestHeadAddress()).isEmpty();
    Path s = sessions().createForHead(T1, 42);
    sessions().makeLatest(s);
    Sessions.recordHead(s, "127.0.0.1:7000", 99);
    assertThat(sessions().latestHeadAddress()).contains("127.0.0.1:7000");
    assertThat(s.resolve("head_pid")).hasContent("99");
  }
}
