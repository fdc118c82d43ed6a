package dev.manta.cluster.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.ClusterFixture;
import dev.manta.cluster.NodeMain;
import dev.manta.cluster.state.ClusterState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The head's dashboard against one real cluster (a head node with its agent and worker JVMs, this
 * test JVM the driver of a job with a named actor and a task that runs until the test lets it end):
 * in headless Chromium, driven through chromedriver, the page logs in with the key the head wrote,
 * shows the node, the running actor, a worker's log, and the task going from RUNNING to FINISHED
 * through the head's Server-Sent Events; over plain HTTP, the endpoints refuse what they should,
 * and an event stream sends a view at once and again when it changes.
 *
 * <p>The browser test is skipped (a JUnit assumption, with the reason) where {@code
 * /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code -Dmanta.test.chromium} and {@code -Dmanta.test.chromedriver} name
 * others). It saves a screenshot of the overview in {@code target/dashboard.png}, and also at
 * {@code -Dmanta.dashboard.screenshot=PATH} when given (docs/dashboard.png is made so).
 */
class DashboardBrowserTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ActorHandle<Counter> counter;
  static Path release;
  static ObjectRef<Integer> waiting;
  static String url;
  static long actorPid;

  /** The actor the page must show. */
  public static final class Counter {
    private int n;

    public int add(int d) {
      n += d;
      return n;
    }

    public long pid() {
      System.out.println("dashboard-test counter in pid " + ProcessHandle.current().pid());
      return ProcessHandle.current().pid();
    }
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
    return 7;
  }

  @BeforeAll
  static void startClusterAndAJob() throws Exception {
    cluster = new ClusterFixture(dir.resolve("session"));
    cluster.startHead(2);
    url = Files.readString(dir.resolve("session").resolve(NodeMain.DASHBOARD_URL_FILE)).strip();
    Manta.init(cluster.address());
    counter = Manta.actor(Counter::new).name("dash-counter").remote();
    assertThat(counter.task(Counter::add, 2).remote().get()).isEqualTo(2);
    actorPid = counter.task(Counter::pid).remote().get();
    release = dir.resolve("release-" + UUID.randomUUID());
    waiting =
        Manta.task(DashboardBrowserTest::awaitFile, release.toString()).name("dash-wait").remote();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (release != null && !Files.exists(release)) {
        Files.createFile(release);
      }
      if (waiting != null) {
        Manta.get(waiting);
      }
      Manta.shutdown();
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  private static ConditionFactory await(String what) {
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions(); // a row the page is redrawing is stale for a moment
  }

  /** The text of the cell {@code field} in the row {@code key} of table {@code table}. */
  private static String cell(WebDriver web, String table, String key, String field) {
    List<WebElement> rows = web.findElements(By.cssSelector("#" + table + " tbody tr"));
    for (WebElement r : rows) {
      if (key.equals(r.getDomAttribute("data-key"))) {
        return r.findElement(By.cssSelector("td[data-field='" + field + "']")).getText();
      }
    }
    return "";
  }

  /**
   * The cell {@code field} of the first row of {@code table} whose {@code byField} is {@code
   * value}.
   */
  private static String cellWhere(
      WebDriver web, String table, String byField, String value, String field) {
    for (WebElement r : web.findElements(By.cssSelector("#" + table + " tbody tr"))) {
      List<WebElement> by = r.findElements(By.cssSelector("td[data-field='" + byField + "']"));
      if (!by.isEmpty() && by.get(0).getText().equals(value)) {
        return r.findElement(By.cssSelector("td[data-field='" + field + "']")).getText();
      }
    }
    return "";
  }

  private static int updates(WebDriver web) {
    String n = web.findElement(By.id("status")).getDomAttribute("data-updates");
    return n == null ? 0 : Integer.parseInt(n);
  }

  @Test
  void browser_showsNodesTheRunningActorAWorkersLog_andATaskFinishing() throws Exception {
    Path chromium = Path.of(System.getProperty("manta.test.chromium", "/usr/bin/chromium"));
    Path driver = Path.of(System.getProperty("manta.test.chromedriver", "/usr/bin/chromedriver"));
    Assumptions.assumeTrue(
        Files.isExecutable(chromium) && Files.isExecutable(driver),
        chromium
            + " or "
            + driver
            + " is missing: the dashboard's browser test is skipped (install Debian's chromium and"
            + " chromium-driver, as .ci/run does)");
    String nodeId = cluster.head().nodeId();
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .withLogFile(dir.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
    WebDriver web = new ChromeDriver(service, options);
    try {
      // The printed address logs in (a cookie) and lands on the overview.
      web.get(url);
      assertThat(web.getCurrentUrl()).doesNotContain("key=");
      await("the overview lists the node as alive")
          .until(() -> cell(web, "nodes-table", nodeId, "state").equals("ALIVE"));
      assertThat(web.findElement(By.cssSelector("#card-nodes .value")).getText()).isEqualTo("1");
      assertThat(cell(web, "nodes-table", nodeId, "cpu")).contains("/ 2");
      await("the overview counts the alive actor")
          .until(
              () -> web.findElement(By.cssSelector("#card-actors .value")).getText().equals("1"));
      await("the overview lists the running actor and the running task")
          .until(
              () ->
                  cellWhere(web, "overview-actors", "name", "dash-counter", "state").equals("ALIVE")
                      && cellWhere(web, "overview-tasks", "name", "dash-wait", "state")
                          .equals("RUNNING"));
      Path shot = Path.of("target", "dashboard.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, ((ChromeDriver) web).getScreenshotAs(OutputType.BYTES));
      String docs = System.getProperty("manta.dashboard.screenshot");
      if (docs != null) {
        Files.copy(shot, Path.of(docs), StandardCopyOption.REPLACE_EXISTING);
      }

      web.get(url.substring(0, url.indexOf("/login")) + "/#/actors");
      await("the actors page shows the running actor")
          .until(
              () ->
                  cellWhere(web, "actors-table", "name", "dash-counter", "state").equals("ALIVE"));
      assertThat(cellWhere(web, "actors-table", "name", "dash-counter", "class_name"))
          .isEqualTo("DashboardBrowserTest$Counter");

      web.findElement(By.cssSelector("#nav a[data-view='tasks']")).click();
      await("the tasks page shows the waiting task running")
          .until(
              () -> cellWhere(web, "tasks-table", "name", "dash-wait", "state").equals("RUNNING"));
      int before = updates(web);
      Files.createFile(release); // the task returns
      assertThat(Manta.get(waiting)).isEqualTo(7);
      await("the same page, streaming, shows the task finished")
          .until(
              () -> cellWhere(web, "tasks-table", "name", "dash-wait", "state").equals("FINISHED"));
      assertThat(updates(web)).as("updates since the task was RUNNING").isGreaterThan(before);
      assertThat(web.findElement(By.id("status")).getDomAttribute("data-mode"))
          .as("the page listens to the head's event streams, it does not poll")
          .isEqualTo("streaming");

      web.findElement(By.cssSelector("#nav a[data-view='workers']")).click();
      await("the workers page links the actor's worker to its log")
          .until(
              () ->
                  cellWhere(web, "workers-table", "pid", Long.toString(actorPid), "log")
                      .equals("log"));
      for (WebElement r : web.findElements(By.cssSelector("#workers-table tbody tr"))) {
        if (r.findElement(By.cssSelector("td[data-field='pid']"))
            .getText()
            .equals(Long.toString(actorPid))) {
          r.findElement(By.cssSelector("td[data-field='log'] a")).click();
          break;
        }
      }
      await("the worker's log shows what the actor printed")
          .until(
              () ->
                  web.findElement(By.id("log-lines"))
                      .getText()
                      .contains("dashboard-test counter in pid " + actorPid));
    } finally {
      web.quit();
    }
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String base() {
    return url.substring(0, url.indexOf("/login"));
  }

  private static String key() {
    return url.substring(url.indexOf("key=") + 4);
  }

  @Test
  void theKey_isInAnOwnerOnlyFile_andNotInTheReadyFile() throws Exception {
    Path session = dir.resolve("session");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(session.resolve(NodeMain.DASHBOARD_URL_FILE))))
        .isEqualTo("rw-------");
    java.util.Properties ready = new java.util.Properties();
    try (InputStream in = Files.newInputStream(session.resolve("head.ready"))) {
      ready.load(in);
    }
    assertThat(ready.getProperty("dashboard")).isEqualTo(base() + "/").doesNotContain(key());
  }

  @Test
  void endpoints_needTheKey_andRefuseBadRequests() throws Exception {
    HttpResponse<String> none = get("/api/nodes");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains("needs its key", "dashboard-url");
    assertThat(get("/").statusCode()).isEqualTo(401);
    assertThat(get("/api/nodes", "Cookie", Dashboard.COOKIE + "=wrong").statusCode())
        .isEqualTo(401);
    assertThat(get("/login?key=wrong").statusCode()).isEqualTo(403);

    String bearer = "Bearer " + key();
    HttpResponse<String> nodes = get("/api/nodes", "Authorization", bearer);
    assertThat(nodes.statusCode()).isEqualTo(200);
    assertThat(nodes.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(nodes.body()).contains(cluster.head().nodeId(), "\"CPU\":2.0");
    HttpResponse<String> page = get("/", "Authorization", bearer);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Manta dashboard</title>");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    // The page loads nothing from elsewhere: every script and style is its own.
    assertThat(page.body()).doesNotContain("http://", "https://");

    HttpResponse<String> limit = get("/api/tasks?limit=many", "Authorization", bearer);
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(limit.body()).contains("limit must be an integer", "many");
    assertThat(get("/api/log", "Authorization", bearer).body()).contains("give the worker");
    assertThat(get("/api/nope", "Authorization", bearer).statusCode()).isEqualTo(404);
    assertThat(get("/../pom.xml", "Authorization", bearer).statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/api/nodes"))
                    .header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  static int one() {
    return 1;
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void eventStream_sendsTheViewAtOnce_andAgainWhenItChanges_andRefusesBadRequests()
      throws Exception {
    String bearer = "Bearer " + key();
    assertThat(get("/api/stream/nodes").statusCode()).isEqualTo(401);
    assertThat(get("/api/stream/nope", "Authorization", bearer).statusCode()).isEqualTo(404);
    HttpResponse<String> bad = get("/api/stream/tasks?limit=many", "Authorization", bearer);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("limit must be an integer");

    HttpResponse<java.io.InputStream> live =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/api/stream/tasks"))
                    .header("Authorization", bearer)
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    try (java.io.BufferedReader events =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(live.body(), StandardCharsets.UTF_8))) {
      String first = nextEvent(events);
      assertThat(first).startsWith("event: update\ndata: ").contains("dash-wait");
      assertThat(first).doesNotContain("dash-sse");
      // A change: a new task, in a later event (none is sent while nothing changes).
      assertThat(Manta.task(DashboardBrowserTest::one).name("dash-sse").remote().get())
          .isEqualTo(1);
      String next = nextEvent(events);
      while (!next.contains("dash-sse")) { // it may show in steps (submitted, running, finished)
        next = nextEvent(events);
      }
      assertThat(next).startsWith("event: update\n").contains("dash-wait");
    }
  }

  /** The next event of a stream (its lines, without comments and the retry field). */
  private static String nextEvent(java.io.BufferedReader in) throws IOException {
    StringBuilder b = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (b.length() > 0) {
          return b.toString();
        }
      } else if (!line.startsWith(":") && !line.startsWith("retry:")) {
        b.append(b.length() > 0 ? "\n" : "").append(line);
      }
    }
    throw new java.io.EOFException("the stream ended; so far: " + b);
  }

  @Test
  void withoutAKey_onlyLoopbackHostNamesAreServed() throws Exception {
    try (ClusterState state =
            ClusterState.connect(
                cluster.head().head(), ClusterFixture.TOKEN, Duration.ofSeconds(5));
        Dashboard open = Dashboard.start("127.0.0.1", 0, false, state, false, null)) {
      assertThat(open.url()).isEqualTo("http://127.0.0.1:" + open.port() + "/");
      assertThat(status(open.port(), "127.0.0.1:" + open.port(), "/api/jobs")).isEqualTo(200);
      assertThat(status(open.port(), "localhost:" + open.port(), "/api/jobs")).isEqualTo(200);
      // A page of another site whose name was made to resolve to 127.0.0.1 (DNS rebinding).
      assertThat(status(open.port(), "evil.example:" + open.port(), "/api/jobs")).isEqualTo(403);

      // A port that is taken: refused when chosen, a free one when it was only the default.
      Dashboard second = Dashboard.start("127.0.0.1", open.port(), true, state, false, null);
      try {
        assertThat(second.port()).isNotEqualTo(open.port());
      } finally {
        second.close();
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> Dashboard.start("127.0.0.1", open.port(), false, state, false, null))
          .hasMessageContaining("Cannot serve the dashboard on 127.0.0.1:" + open.port())
          .hasMessageContaining("manta.dashboard-port");
    }
  }

  /** The status of a raw {@code GET path} with the header {@code Host: host}. */
  private static int status(int port, String host, String path) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String first = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\r\n", 2)[0];
      return Integer.parseInt(first.split(" ")[1]);
    }
  }
}
