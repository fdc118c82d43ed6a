package dev.manta.cluster.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.manta.cluster.state.ActorRow;
import dev.manta.cluster.state.ClusterState;
import dev.manta.cluster.state.JobRow;
import dev.manta.cluster.state.Listing;
import dev.manta.cluster.state.NodeRow;
import dev.manta.cluster.state.Row;
import dev.manta.cluster.state.StateFormat;
import dev.manta.cluster.state.TaskRow;
import dev.manta.cluster.state.WorkerLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head's dashboard: a web page (bundled by the {@code manta-dashboard} module under {@value
 * #RESOURCES} on the class path) and the read-only JSON endpoints it polls, answered from a {@link
 * ClusterState} of the cluster.
 *
 * <p>Endpoints, all {@code GET}: {@code /api/overview} (nodes with their resources and store;
 * actors, task runs and jobs counted by state; the first actors and the newest runs), {@code
 * /api/nodes}, {@code /api/actors}, {@code /api/tasks?limit=N} (newest first, default 500), {@code
 * /api/jobs}, {@code /api/workers}, {@code /api/log?worker=PID&lines=N}. Each answers JSON; a
 * cluster that does not answer gives status 502 and {@code {"error": "..."}}. {@code
 * /api/stream/<endpoint>} sends the same as Server-Sent Events each time it changes, which the page
 * listens to (it polls only where a browser cannot keep such a stream open).
 *
 * <p>Access: with a key ({@link #start} with {@code requireKey}), every request must carry it, as
 * the cookie {@value #COOKIE} that {@code GET /login?key=KEY} sets (HttpOnly, SameSite=Strict) or
 * as {@code Authorization: Bearer KEY}; {@link #url()} is the login address. The key is random,
 * made at start, and lives as long as this server. Without a key (a cluster without a token, which
 * serves on loopback only), requests whose {@code Host} is not a loopback name are refused, so a
 * web page elsewhere cannot read the cluster through DNS rebinding. Every answer forbids framing
 * and loading anything from elsewhere (Content-Security-Policy {@code default-src 'self'}).
 *
 * <p>Thread-safe: each request runs on a virtual thread of the server's own and asks the cluster
 * anew; the fields are final once started. A live stream holds its virtual thread (and one of
 * {@value #MAX_STREAMS} permits) while it runs; {@link #close} interrupts it, which ends it.
 */
public final class Dashboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

  /** Where on the class path the page lies (index.html and assets/). */
  public static final String RESOURCES = "dev/manta/dashboard/web/";

  /** The port a head serves its dashboard on unless told otherwise (Ray's dashboard's, too). */
  public static final int DEFAULT_PORT = 8265;

  /** The cookie that carries the key. */
  public static final String COOKIE = "manta-dashboard";

  private static final int DEFAULT_TASKS = 500;
  private static final String STREAM_PREFIX = "stream/";
  static final int STREAM_TICK_MS = 500;
  static final int KEEP_ALIVE_MS = 15_000;
  static final int RETRY_MS = 2_000;
  static final int MAX_STREAMS = 64;
  private static final int OVERVIEW_ROWS = 8;
  private static final Set<String> LOOPBACK_NAMES =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private final HttpServer server;
  private final ExecutorService threads;
  private final ClusterState state;
  private final String key;
  private final String host;
  private final java.util.concurrent.Semaphore streams =
      new java.util.concurrent.Semaphore(MAX_STREAMS);

  private Dashboard(
      HttpServer server, ExecutorService threads, ClusterState state, String key, String host) {
    this.server = server;
    this.threads = threads;
    this.state = state;
    this.key = key;
    this.host = host;
  }

  /**
   * Serves the dashboard of {@code state}'s cluster at {@code bind:port} (0: a free port), over
   * HTTPS with {@code tls} when it is not null. When {@code port} is taken and {@code
   * freePortIfTaken} holds (the port was not chosen by the user), serves on a free port instead and
   * logs which. {@code state} stays the caller's: {@link #close} does not close it.
   *
   * @param requireKey whether requests must carry this server's key (see the class comment)
   * @throws UncheckedIOException if the address cannot be bound, naming it and the setting to
   *     change
   */
  public static Dashboard start(
      String bind,
      int port,
      boolean freePortIfTaken,
      ClusterState state,
      boolean requireKey,
      SSLContext tls) {
    HttpServer server;
    try {
      server = bind(bind, port, tls);
    } catch (BindException e) {
      if (!freePortIfTaken || port == 0) {
        throw cannotBind(bind, port, e);
      }
      try {
        server = bind(bind, 0, tls);
      } catch (IOException again) {
        throw cannotBind(bind, 0, again);
      }
      LOG.warn(
          "Dashboard port {} is taken; serving the dashboard on port {} instead (set"
              + " manta.dashboard-port to choose one)",
          port,
          server.getAddress().getPort());
    } catch (IOException e) {
      throw cannotBind(bind, port, e);
    }
    String key = null;
    if (requireKey) {
      byte[] b = new byte[24];
      new SecureRandom().nextBytes(b);
      key = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
    ExecutorService threads =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("manta-dashboard-", 0).factory());
    String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    Dashboard d = new Dashboard(server, threads, state, key, host);
    server.createContext("/", d::handle);
    server.setExecutor(threads);
    server.start();
    return d;
  }

  private static HttpServer bind(String bind, int port, SSLContext tls) throws IOException {
    InetSocketAddress at = new InetSocketAddress(bind, port);
    if (tls == null) {
      return HttpServer.create(at, 32);
    }
    HttpsServer https = HttpsServer.create(at, 32);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    return https;
  }

  private static UncheckedIOException cannotBind(String bind, int port, IOException e) {
    return new UncheckedIOException(
        "Cannot serve the dashboard on "
            + bind
            + ":"
            + port
            + " ("
            + e.getMessage()
            + "); choose a free port with manta.dashboard-port (0: any free port, -1: no"
            + " dashboard)",
        e);
  }

  /** The port the dashboard listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Whether the dashboard serves HTTPS. */
  public boolean isHttps() {
    return server instanceof HttpsServer;
  }

  /**
   * The address to open in a browser: the page itself, or, with a key, {@code /login?key=KEY},
   * which sets the cookie and goes on to the page. Holds the key: show it to the cluster's owner
   * only.
   */
  public String url() {
    return key == null ? address() : address() + "login?key=" + key;
  }

  /** The page's address without the key: {@code http[s]://host:port/}. */
  public String address() {
    return (isHttps() ? "https://" : "http://") + host + ":" + port() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  // ---- requests ---------------------------------------------------------------------------

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      var h = x.getResponseHeaders();
      h.set("Content-Security-Policy", CSP);
      h.set("X-Content-Type-Options", "nosniff");
      h.set("X-Frame-Options", "DENY");
      h.set("Referrer-Policy", "no-referrer");
      if (!"GET".equals(x.getRequestMethod()) && !"HEAD".equals(x.getRequestMethod())) {
        h.set("Allow", "GET, HEAD");
        send(x, 405, "text/plain", "The dashboard is read-only: GET only\n");
        return;
      }
      String path = x.getRequestURI().getPath();
      if (key == null && !loopbackHost(x.getRequestHeaders().getFirst("Host"))) {
        send(
            x,
            403,
            "text/plain",
            "This dashboard answers requests for a loopback address only (Host was "
                + x.getRequestHeaders().getFirst("Host")
                + "); open http://127.0.0.1:"
                + port()
                + "/\n");
        return;
      }
      if (path.equals("/login")) {
        login(x);
        return;
      }
      if (key != null && !hasKey(x)) {
        boolean api = path.startsWith("/api/");
        String why =
            "This dashboard needs its key: open the address `manta start --head` printed (also in"
                + " the head's session directory, file dashboard-url, readable by its owner only)";
        if (api) {
          send(x, 401, "application/json", StateFormat.json(Map.of("error", why)));
        } else {
          send(x, 401, "text/plain; charset=utf-8", why + "\n");
        }
        return;
      }
      if (path.startsWith("/api/")) {
        api(x, path.substring("/api/".length()), query(x.getRequestURI()));
      } else {
        file(x, path);
      }
    } catch (RuntimeException e) {
      // The server would close the connection without a word: say why in the head's log.
      LOG.warn("Dashboard request {} failed", x.getRequestURI(), e);
      throw e;
    }
  }

  private boolean loopbackHost(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String name = hostHeader.strip().toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf(']')) {
      name = name.substring(0, colon);
    }
    return LOOPBACK_NAMES.contains(name) || name.equals(host.toLowerCase(Locale.ROOT));
  }

  private boolean hasKey(HttpExchange x) {
    String auth = x.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Bearer ") && same(auth.substring(7).strip())) {
      return true;
    }
    for (String header : x.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String c : header.split(";")) {
        String t = c.strip();
        if (t.startsWith(COOKIE + "=") && same(t.substring(COOKIE.length() + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean same(String given) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
  }

  private void login(HttpExchange x) throws IOException {
    if (key == null) {
      redirect(x, "/");
      return;
    }
    String given = query(x.getRequestURI()).getOrDefault("key", "");
    if (!same(given)) {
      send(
          x,
          403,
          "text/plain; charset=utf-8",
          "Wrong dashboard key: open the address the head printed; a restarted head makes a new"
              + " key\n");
      return;
    }
    x.getResponseHeaders()
        .add(
            "Set-Cookie",
            COOKIE
                + "="
                + key
                + "; Path=/; HttpOnly; SameSite=Strict"
                + (isHttps() ? "; Secure" : ""));
    redirect(x, "/"); // the key leaves the address bar
  }

  private static void redirect(HttpExchange x, String to) throws IOException {
    x.getResponseHeaders().set("Location", to);
    x.sendResponseHeaders(303, -1);
  }

  private void file(HttpExchange x, String path) throws IOException {
    String name = path.equals("/") || path.isEmpty() ? "index.html" : path.substring(1);
    if (name.contains("..") || name.contains("//") || name.startsWith("/")) {
      send(x, 404, "text/plain", "Not found\n");
      return;
    }
    try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        if (name.equals("index.html")) {
          send(
              x,
              503,
              "text/plain",
              "The dashboard's page is not on this head's class path (the manta-dashboard jar);"
                  + " its JSON endpoints still answer under /api/\n");
        } else {
          send(x, 404, "text/plain", "Not found\n");
        }
        return;
      }
      byte[] body = in.readAllBytes();
      // Vite names assets by content hash: they never change under one name.
      x.getResponseHeaders()
          .set(
              "Cache-Control",
              name.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      send(x, 200, contentType(name), body);
    }
  }

  private static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ico" -> "image/x-icon";
      case "json" -> "application/json";
      default -> "application/octet-stream";
    };
  }

  private void api(HttpExchange x, String what, Map<String, String> q) throws IOException {
    x.getResponseHeaders().set("Cache-Control", "no-store");
    if (what.startsWith(STREAM_PREFIX)) {
      stream(x, what.substring(STREAM_PREFIX.length()), q);
      return;
    }
    Object body;
    try {
      body = body(what, q);
    } catch (IllegalArgumentException e) {
      send(x, 400, "application/json", StateFormat.json(Map.of("error", e.getMessage())));
      return;
    } catch (IllegalStateException e) {
      send(x, 502, "application/json", StateFormat.json(Map.of("error", e.getMessage())));
      return;
    }
    if (body == null) {
      notFound(x, what);
      return;
    }
    send(x, 200, "application/json", StateFormat.json(body));
  }

  private static void notFound(HttpExchange x, String what) throws IOException {
    send(x, 404, "application/json", StateFormat.json(Map.of("error", "no endpoint /api/" + what)));
  }

  /**
   * What {@code /api/<what>} answers; null: no such endpoint.
   *
   * @throws IllegalArgumentException for a bad query parameter
   * @throws IllegalStateException when the cluster does not answer
   */
  private Object body(String what, Map<String, String> q) {
    return switch (what) {
      case "overview" -> overview();
      case "nodes" -> Map.of("rows", nodes(state.nodes().rows()));
      case "actors" -> listing(state.actors());
      case "tasks" -> tasks(intParam(q, "limit", DEFAULT_TASKS, 1, 100_000));
      case "jobs" -> listing(state.jobs());
      case "workers" -> listing(state.workers());
      case "log" -> log(q);
      default -> null;
    };
  }

  /**
   * {@code GET /api/stream/<what>}: Server-Sent Events carrying what {@code /api/<what>} answers
   * (same query parameters), an {@code update} event at once and then each time it changes, an
   * {@code error} event (data {@code {"error": "..."}}) while the cluster does not answer, and a
   * comment every {@value #KEEP_ALIVE_MS} ms of silence so proxies keep the connection. The state
   * is read every {@value #STREAM_TICK_MS} ms; the stream ends when the client goes away or the
   * dashboard closes. A bad parameter or endpoint answers 400 or 404 before the stream starts. At
   * most {@value #MAX_STREAMS} streams run at once; more are refused with 503.
   */
  private void stream(HttpExchange x, String what, Map<String, String> q) throws IOException {
    Object first;
    try {
      first = body(what, q);
    } catch (IllegalArgumentException e) {
      send(x, 400, "application/json", StateFormat.json(Map.of("error", e.getMessage())));
      return;
    } catch (IllegalStateException e) {
      first = e;
    }
    if (first == null) {
      notFound(x, what);
      return;
    }
    if (!streams.tryAcquire()) {
      send(
          x,
          503,
          "application/json",
          StateFormat.json(
              Map.of(
                  "error",
                  "this dashboard already serves "
                      + MAX_STREAMS
                      + " live streams; close a tab, or poll /api/"
                      + what)));
      return;
    }
    try {
      x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      x.sendResponseHeaders(200, 0);
      if ("HEAD".equals(x.getRequestMethod())) {
        return;
      }
      OutputStream out = x.getResponseBody();
      out.write(("retry: " + RETRY_MS + "\n\n").getBytes(StandardCharsets.UTF_8));
      String last = null;
      long quietSince = System.nanoTime();
      Object body = first;
      while (true) {
        String event = body instanceof IllegalStateException ? "error" : "update";
        String json =
            body instanceof IllegalStateException e
                ? StateFormat.json(Map.of("error", String.valueOf(e.getMessage())))
                : StateFormat.json(body);
        String frame = event + "\n" + json;
        if (!frame.equals(last)) {
          StringBuilder b = new StringBuilder("event: ").append(event).append('\n');
          for (String line : json.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
          }
          out.write(b.append('\n').toString().getBytes(StandardCharsets.UTF_8));
          out.flush();
          last = frame;
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > KEEP_ALIVE_MS * 1_000_000L) {
          out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          quietSince = System.nanoTime();
        }
        Thread.sleep(STREAM_TICK_MS); // the state API has no change feed: it is read again
        try {
          body = body(what, q);
        } catch (IllegalStateException e) {
          body = e;
        }
      }
    } catch (InterruptedException closing) {
      // the dashboard closes: the stream ends with it
    } catch (IOException gone) {
      // the client went away
    } finally {
      streams.release();
    }
  }

  private Map<String, Object> overview() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nodes", nodes(state.nodes().rows()));
    Map<String, Long> actors = new TreeMap<>();
    List<Object> someActors = new ArrayList<>();
    for (ActorRow a : state.actors().rows()) { // live first, then newest
      actors.merge(a.state(), 1L, Long::sum);
      if (someActors.size() < OVERVIEW_ROWS) {
        someActors.add(a.fields());
      }
    }
    out.put("actors", actors);
    out.put("actor_rows", someActors);
    Listing<TaskRow> t = state.tasks();
    Map<String, Long> tasks = new TreeMap<>();
    List<Object> recent = new ArrayList<>();
    for (int i = t.rows().size() - 1; i >= 0; i--) { // newest first
      TaskRow r = t.rows().get(i);
      tasks.merge(r.state(), 1L, Long::sum);
      if (recent.size() < OVERVIEW_ROWS) {
        recent.add(r.fields());
      }
    }
    out.put("tasks", tasks);
    out.put("task_rows", recent);
    Map<String, Long> jobs = new TreeMap<>();
    for (JobRow j : state.jobs().rows()) {
      jobs.merge(j.state(), 1L, Long::sum);
    }
    out.put("jobs", jobs);
    out.put("unreachable", t.unreachable());
    out.put("time_ms", System.currentTimeMillis());
    return out;
  }

  /** Nodes with their resources as JSON objects (the rows' fields give them as text). */
  private static List<Object> nodes(List<NodeRow> rows) {
    List<Object> out = new ArrayList<>();
    for (NodeRow n : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("node_id", n.nodeId());
      m.put("state", n.state());
      m.put("agent_address", n.agentAddress());
      m.put("total", new TreeMap<>(n.total()));
      m.put("available", new TreeMap<>(n.available()));
      m.put("store_used_bytes", n.storeUsedBytes());
      m.put("store_capacity_bytes", n.storeCapacityBytes());
      m.put("workers", n.workers());
      m.put("death_reason", n.deathReason());
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> listing(Listing<? extends Row> l) {
    List<Object> rows = new ArrayList<>();
    for (Row r : l.rows()) {
      rows.add(r.fields());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", rows);
    out.put("unreachable", l.unreachable());
    return out;
  }

  private Map<String, Object> tasks(int limit) {
    Listing<TaskRow> all = state.tasks();
    List<TaskRow> newest = new ArrayList<>(all.rows());
    java.util.Collections.reverse(newest); // the listing is oldest start first
    List<Object> rows = new ArrayList<>();
    for (TaskRow r : newest.subList(0, Math.min(limit, newest.size()))) {
      rows.add(r.fields());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", rows);
    out.put("total", newest.size());
    out.put("unreachable", all.unreachable());
    return out;
  }

  private Map<String, Object> log(Map<String, String> q) {
    String worker = q.getOrDefault("worker", "").strip();
    if (worker.isEmpty()) {
      throw new IllegalArgumentException("give the worker: /api/log?worker=PID (or its id)");
    }
    WorkerLog l = state.workerLog(worker, intParam(q, "lines", 200, 1, 10_000));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("node_id", l.nodeId());
    out.put("pid", l.pid());
    out.put("path", l.path());
    out.put("lines", l.lines());
    out.put("truncated", l.truncated());
    return out;
  }

  private static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
    String v = q.get(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(
        name + " must be an integer in [" + min + ", " + max + "], was '" + v + "'");
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void send(HttpExchange x, int status, String type, String body)
      throws IOException {
    send(x, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(x.getRequestMethod());
    x.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
