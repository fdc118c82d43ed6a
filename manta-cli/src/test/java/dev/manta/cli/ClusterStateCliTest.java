package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.rpc.ClusterToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manta list|get|summary|memory|timeline|logs} against one real cluster (a head node started
 * with {@code manta start}, its worker JVMs), with this test JVM as the driver of a job that ran
 * six tasks, made an actor, holds a stored object, and keeps two tasks running until the end.
 */
class ClusterStateCliTest {
  private static final int SQUARES = 6;

  @TempDir static Path root;
  static Path release;
  static ObjectRef<byte[]> big;
  static ActorHandle<Tally> tally;
  static List<ObjectRef<Integer>> held = new ArrayList<>();
  static ObjectRef<Integer> after;
  static String previousTokenFile;

  /** An actor to list. */
  public static final class Tally {
    private int n;

    public int add(int d) {
      n += d;
      return n;
    }
  }

  static int square(int x) {
    return x * x;
  }

  /** Runs until {@code path} exists, without using a CPU: a task listed as RUNNING. */
  static int awaitFile(String path) throws Exception {
    Path p = Path.of(path);
    try (WatchService w = FileSystems.getDefault().newWatchService()) {
      p.getParent().register(w, StandardWatchEventKinds.ENTRY_CREATE);
      while (!Files.exists(p)) {
        java.nio.file.WatchKey k = w.take();
        k.pollEvents(); // else reset() signals the key again at once, and this loop spins
        k.reset();
      }
    }
    return 0;
  }

  /** As {@link #awaitFile}, holding {@code value} (a stored object) as its argument meanwhile. */
  static int holdUntil(String path, byte[] value) throws Exception {
    awaitFile(path);
    return value.length;
  }

  @BeforeAll
  static void startClusterAndRunAJob() throws Exception {
    try {
      Class.forName(NodeProcesses.NODE_MAIN, false, ClusterStateCliTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      Assumptions.abort("NodeMain not built yet");
    }
    Result start = cli("start", "--head", "--port", "0", "--num-cpus", "4");
    assertThat(start.exit()).as(start.out()).isZero();
    // The head's dashboard, with its key (the cluster has a token), also in dashboard-url.
    assertThat(start.out()).containsPattern("Dashboard: http://127\\.0\\.0\\.1:\\d+/login\\?key=");
    Path session = root.resolve(Sessions.LATEST).toRealPath();
    assertThat(start.out()).contains(Files.readString(session.resolve("dashboard-url")).strip());
    String head = Files.readString(session.resolve("head_address")).strip();
    previousTokenFile = System.getProperty(ClusterToken.TOKEN_FILE_PROPERTY);
    System.setProperty(
        ClusterToken.TOKEN_FILE_PROPERTY, session.resolve(ClusterToken.FILE_NAME).toString());
    Manta.init("manta://" + head);

    List<ObjectRef<Integer>> squares = new ArrayList<>();
    for (int i = 0; i < SQUARES; i++) {
      squares.add(Manta.task(ClusterStateCliTest::square, i).name("square").remote());
    }
    assertThat(Manta.get(squares)).containsExactly(0, 1, 4, 9, 16, 25);
    assertThat(Manta.task(ClusterStateCliTest::square, 7).name("seven").remote().get())
        .isEqualTo(49);
    tally = Manta.actor(Tally::new).name("tally").remote();
    assertThat(tally.task(Tally::add, 2).remote().get()).isEqualTo(2);
    big = Manta.put(new byte[200_000]); // above the inline threshold: in the node's store
    release = root.resolve("release-" + UUID.randomUUID());
    held.add(Manta.task(ClusterStateCliTest::awaitFile, release.toString()).name("wait").remote());
    held.add(
        Manta.task(ClusterStateCliTest::holdUntil, release.toString(), big).name("hold").remote());
    Awaitility.await("both waiting tasks run")
        .atMost(Duration.ofSeconds(60))
        .until(() -> rows("list", "tasks", "--filter", "state=RUNNING").size() == 2);
    // Waits for the result of "wait", which comes only when the test ends: never runs before.
    after = Manta.task(ClusterStateCliTest::square, held.get(0)).name("after").remote();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (release != null) {
        Files.createFile(release);
        Manta.get(held);
        assertThat(Manta.get(after)).isZero();
      }
      Manta.shutdown();
    } finally {
      if (previousTokenFile == null) {
        System.clearProperty(ClusterToken.TOKEN_FILE_PROPERTY);
      } else {
        System.setProperty(ClusterToken.TOKEN_FILE_PROPERTY, previousTokenFile);
      }
      Result stop = cli("stop", "--all");
      assertThat(stop.exit()).as(stop.out() + stop.err()).isZero();
    }
  }

  @Test
  void listTasks_filtersByStateAndName_andLimits() {
    List<JsonObject> squares = rows("list", "tasks", "--filter", "name=square");
    assertThat(squares).hasSize(SQUARES);
    assertThat(squares).allSatisfy(t -> assertThat(str(t, "state")).isEqualTo("FINISHED"));
    assertThat(squares).allSatisfy(t -> assertThat(str(t, "kind")).isEqualTo("task"));

    Result running = cli("list", "tasks", "--filter", "state=RUNNING");
    assertThat(running.exit()).as(running.out()).isZero();
    assertThat(running.out()).contains("TASK_ID", "NAME", "STATE", "wait", "hold", "RUNNING");
    assertThat(running.out()).doesNotContain("square", "FINISHED");

    // --limit keeps the most recent runs, still printed oldest first.
    List<JsonObject> lastTwo = rows("list", "tasks", "--filter", "name=square", "--limit", "2");
    assertThat(lastTwo)
        .extracting(t -> t.get("start_micros").getAsLong())
        .containsExactlyElementsOf(
            squares.subList(SQUARES - 2, SQUARES).stream()
                .map(t -> t.get("start_micros").getAsLong())
                .toList());
    Result cut = cli("list", "tasks", "--filter", "name=square", "--limit", "2");
    assertThat(cut.out())
        .contains("Note: 2 of " + SQUARES + " rows shown (the most recent); --limit 0 shows all");
    Result negative = cli("memory", "--limit", "-1");
    assertThat(negative.exit()).isNotZero();
    assertThat(negative.err()).contains("--limit must be 0 or more, was -1");
    assertThat(rows("list", "tasks", "--filter", "state!=RUNNING", "--filter", "name!=square"))
        .extracting(t -> str(t, "name"))
        .doesNotContain("square", "wait", "hold")
        .contains("seven");
  }

  @Test
  void listTasks_showsATaskWaitingForItsArgument_untilItRuns() {
    assertThat(rows("list", "tasks", "--filter", "name=after"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(str(t, "state")).isEqualTo("PENDING_ARGS");
              assertThat(str(t, "task_id")).isEqualTo(after.id().substring(0, 32));
              assertThat(t.get("start_micros").getAsLong()).isZero();
              assertThat(str(t, "pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            });
    // Listed last, as the newest: --limit 1 keeps it.
    assertThat(rows("list", "tasks", "--limit", "1"))
        .singleElement()
        .satisfies(t -> assertThat(str(t, "name")).isEqualTo("after"));
  }

  @Test
  void listNodesActorsJobsWorkers_showWhatRuns() {
    String job = Manta.runtimeContext().jobId();
    assertThat(rows("list", "nodes"))
        .singleElement()
        .satisfies(n -> assertThat(str(n, "state")).isEqualTo("ALIVE"));
    assertThat(rows("list", "actors", "--filter", "name=tally"))
        .singleElement()
        .satisfies(a -> assertThat(str(a, "state")).isEqualTo("ALIVE"))
        .satisfies(a -> assertThat(str(a, "job_id")).isEqualTo(job));
    assertThat(rows("list", "jobs", "--filter", "state=RUNNING"))
        .extracting(j -> str(j, "job_id"))
        .contains(job);
    List<JsonObject> workers = rows("list", "workers", "--filter", "job_id=" + job);
    assertThat(workers)
        .filteredOn(w -> str(w, "kind").equals("driver"))
        .singleElement()
        .satisfies(
            w -> assertThat(w.get("pid").getAsLong()).isEqualTo(ProcessHandle.current().pid()));
    assertThat(workers).filteredOn(w -> str(w, "kind").equals("worker")).isNotEmpty();

    Result table = cli("list", "actors");
    assertThat(table.out()).containsPattern("\\S+ +\\S*Tally +tally +ALIVE ");
    Result bad = cli("list", "frogs");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("Cannot list 'frogs': give one of nodes, actors, tasks");
    Result badFilter = cli("list", "tasks", "--filter", "state");
    assertThat(badFilter.exit()).isEqualTo(2);
    assertThat(badFilter.err()).contains("Filter 'state' is not KEY=VALUE");
  }

  @Test
  void getActor_byIdOrName_printsEveryField() {
    String id = str(rows("list", "actors", "--filter", "name=tally").get(0), "actor_id");
    Result byId = cli("get", "actor", id);
    assertThat(byId.exit()).as(byId.err()).isZero();
    assertThat(byId.out()).contains("actor_id:       " + id).containsPattern("state: +ALIVE");
    JsonObject byName =
        JsonParser.parseString(cli("get", "actor", "tally", "--format", "json").out())
            .getAsJsonObject();
    assertThat(str(byName, "actor_id")).isEqualTo(id);
    Result missing = cli("get", "actor", "no-such-actor");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("No actor with id or name 'no-such-actor'");
  }

  @Test
  void summary_countsTasksByNameAndActorsByClass() {
    List<JsonObject> tasks = rows("summary", "tasks");
    assertThat(tasks)
        .filteredOn(s -> str(s, "name").equals("square"))
        .singleElement()
        .satisfies(s -> assertThat(s.get("finished").getAsLong()).isEqualTo(SQUARES))
        .satisfies(s -> assertThat(s.get("running").getAsLong()).isZero());
    assertThat(tasks)
        .filteredOn(s -> str(s, "name").equals("wait"))
        .singleElement()
        .satisfies(s -> assertThat(s.get("running").getAsLong()).isEqualTo(1));
    assertThat(rows("summary", "actors"))
        .filteredOn(s -> str(s, "name").endsWith("Tally"))
        .singleElement()
        .satisfies(s -> assertThat(s.get("alive").getAsLong()).isEqualTo(1));
    assertThat(cli("summary", "tasks").out()).containsPattern("square +task +6 +0 +6 ");
  }

  @Test
  void memory_saysWhereEachObjectIsAndWhyItIsAlive() {
    Result table = cli("memory");
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).containsPattern("\\d+ objects, \\d+ bytes: ").contains("ALIVE_BECAUSE");
    List<JsonObject> stored =
        rows("memory", "--filter", "where=store", "--filter", "size_bytes=" + sizeOfBig());
    assertThat(stored).isNotEmpty();
    JsonObject b = stored.get(0);
    assertThat(b.get("local_refs").getAsInt()).isPositive();
    // The running task 'hold' takes it as its argument.
    assertThat(b.get("pending_tasks").getAsInt()).isEqualTo(1);
    assertThat(str(b, "alive_because")).contains("local-ref", "pending-task(1)");
    assertThat(str(b, "node_id")).isEqualTo(str(rows("list", "nodes").get(0), "node_id"));
    assertThat(b.get("pid").getAsLong()).isEqualTo(ProcessHandle.current().pid());
  }

  /** The stored size of {@link #big}: the array and its serialized header. */
  private static String sizeOfBig() {
    return rows("memory", "--filter", "where=store").stream()
        .map(o -> o.get("size_bytes").getAsString())
        .filter(s -> Long.parseLong(s) >= 200_000)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stored object of 200000 bytes or more"));
  }

  @Test
  void timeline_isAChromeTraceWithOneEventPerEndedRun() throws Exception {
    Path file = root.resolve("trace.json");
    Result r = cli("timeline", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonObject trace = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    JsonArray events = trace.getAsJsonArray("traceEvents");
    List<JsonObject> runs = new ArrayList<>();
    for (JsonElement e : events) {
      JsonObject o = e.getAsJsonObject();
      if (str(o, "ph").equals("X")) {
        runs.add(o);
        assertThat(o.get("dur").getAsLong()).isPositive();
        assertThat(o.get("ts").getAsLong()).isPositive();
        assertThat(o.has("pid") && o.has("tid")).isTrue();
      }
    }
    List<JsonObject> ended =
        rows(
            "list",
            "tasks",
            "--filter",
            "state!=RUNNING",
            "--filter",
            "state!=PENDING_ARGS",
            "--limit",
            "0");
    assertThat(runs).hasSize(ended.size());
    assertThat(runs).filteredOn(o -> str(o, "name").equals("square")).hasSize(SQUARES);
    assertThat(r.out()).contains("Wrote " + ended.size() + " task runs to " + file);
    assertThat(events).anySatisfy(e -> assertThat(str(e.getAsJsonObject(), "ph")).isEqualTo("M"));
  }

  @Test
  void logs_printsAWorkersLog_andRefusesTheDriver() {
    String job = Manta.runtimeContext().jobId();
    String pid = str(rows("list", "tasks", "--filter", "name=square").get(0), "pid");
    Result r = cli("logs", pid, "--lines", "50");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("==> worker " + pid + " on node ")
        .contains("worker-" + pid + ".log")
        .contains("serving job " + job); // the worker's own line as it took the job
    JsonObject json =
        JsonParser.parseString(cli("logs", pid, "--format", "json").out()).getAsJsonObject();
    assertThat(json.get("pid").getAsString()).isEqualTo(pid);
    assertThat(json.getAsJsonArray("lines")).isNotEmpty();
    Result driver = cli("logs", Long.toString(ProcessHandle.current().pid()));
    assertThat(driver.exit()).isEqualTo(1);
    assertThat(driver.err()).contains("is the driver of job " + job);
    Result none = cli("logs", "999999999");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).contains("No worker '999999999'");
  }

  // --- helpers ---

  private record Result(int exit, String out, String err) {}

  private static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        MantaCli.commandLine(Map.of(Sessions.ROOT_ENV, root.toString()))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** The rows of {@code args} run with {@code --format json}. */
  private static List<JsonObject> rows(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.add("--format");
    a.add("json");
    Result r = cli(a.toArray(String[]::new));
    assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(o.getAsJsonArray("unreachable")).as("processes that did not answer").isEmpty();
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray("rows")) {
      out.add(e.getAsJsonObject());
    }
    return out;
  }

  private static String str(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }
}
