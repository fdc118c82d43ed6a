package dev.manta.cluster.head;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HeadStorage} in a Redis server ({@code --storage redis://[:PASSWORD@]HOST:PORT[/PREFIX]}):
 * one Redis hash per table, {@code PREFIX:table:NAME}, field = key, value = the entry's bytes. The
 * prefix (default {@value #DEFAULT_PREFIX}) lets several clusters share one Redis.
 *
 * <p>Durability: {@link Table#put} and {@link Table#remove} queue their change; {@link #commit}
 * sends every queued change in one {@code MULTI}/{@code EXEC} transaction and returns once Redis
 * has applied it, so a change a head call answered for survives the head being killed (kill -9).
 * Whether it survives Redis itself being killed is Redis's configuration: with {@code appendonly
 * yes} (and the default {@code appendfsync everysec}) Redis loses at most about a second of writes;
 * with neither AOF nor snapshots it keeps the tables in memory only. {@link #open} logs a warning
 * in that case.
 *
 * <p>One head per prefix: the head holds a lease, the key {@code PREFIX:lock} (its holder's pid,
 * host and a random token) set with a time to live of {@code leaseMs} and renewed every third of
 * it. A second head on the same prefix waits up to one lease for it and is then refused; a head
 * restarted after a kill -9 waits for its predecessor's lease to expire (at most {@code leaseMs},
 * {@value #LEASE_MS} ms by default). A head that finds its lease taken by another (it was stalled
 * longer than the lease) stops writing: each later commit fails, naming the other head.
 */
final class RedisStorage implements HeadStorage {
  /*
   * Implementation notes
   *  R1  `pending` holds the changes not yet sent, in the order the tables were changed; it is
   *      guarded by itself. HeadService changes one key from two threads only under one of its own
   *      locks (HeadService S2), so the queue's order is each key's order.
   *  R2  `conn` (the connection) is guarded by `io`. commit() holds `io` while it drains
   *      `pending` and sends the batch, so batches reach Redis in queue order; a batch that fails
   *      goes back to the front of the queue (HSET and HDEL are idempotent, so resending a batch
   *      that Redis may have applied is harmless) and is sent again by the next commit.
   *  R3  The lease renewer runs on its own daemon thread, takes `io` for each renewal, and sets
   *      `lost` once another head holds the lease; lost is volatile and never cleared.
   *  Lock order: io, then pending. No call leaves the class with either held.
   */
  private static final Logger LOG = LoggerFactory.getLogger(RedisStorage.class);

  static final String DEFAULT_PREFIX = "manta";
  static final long LEASE_MS = 6_000;
  static final int TIMEOUT_MS = 5_000;

  /** Extends the lease if this head holds it, takes it if nobody does; 0 if another head does. */
  private static final String RENEW =
      "local v = redis.call('GET', KEYS[1]) "
          + "if v == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end "
          + "if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end "
          + "return 0";

  /** Deletes the lease if this head holds it. */
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end "
          + "return 0";

  private final String host;
  private final int port;
  private final String password;
  private final String prefix;
  private final long leaseMs;
  private final String holder;
  private final String url;
  private final Object io = new Object();
  private RespClient conn; // guarded by io; null when it must reconnect
  private final Deque<Object[]> pending = new ArrayDeque<>(); // guarded by itself
  private volatile String lost;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("manta-head-redis-lease").unstarted(r));

  private RedisStorage(String host, int port, String password, String prefix, long leaseMs) {
    this.host = host;
    this.port = port;
    this.password = password;
    this.prefix = prefix;
    this.leaseMs = leaseMs;
    this.url = "redis://" + host + ":" + port + "/" + prefix;
    this.holder =
        "head pid "
            + ProcessHandle.current().pid()
            + " on "
            + hostName()
            + " #"
            + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
  }

  /** Whether {@code spec} names a Redis ({@code redis://...}) rather than a folder. */
  static boolean isRedis(String spec) {
    return spec.startsWith("redis://");
  }

  /**
   * Connects to the Redis that {@code spec} names and takes its prefix's lease.
   *
   * @throws IllegalArgumentException if {@code spec} is not {@code redis://HOST:PORT[/PREFIX]}
   * @throws IllegalStateException if Redis cannot be reached or another head holds the prefix
   */
  static RedisStorage open(String spec) {
    return open(spec, LEASE_MS);
  }

  static RedisStorage open(String spec, long leaseMs) {
    URI u;
    try {
      u = new URI(spec);
    } catch (URISyntaxException e) {
      throw badSpec(spec, e.getMessage());
    }
    if (u.getHost() == null || u.getPort() < 0) {
      throw badSpec(spec, "no HOST:PORT");
    }
    String path = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
    if (path.contains("/") || path.contains(" ")) {
      throw badSpec(spec, "the key prefix '" + path + "' has a '/' or a space");
    }
    String info = u.getUserInfo();
    String password = info == null ? null : info.substring(info.indexOf(':') + 1);
    RedisStorage s =
        new RedisStorage(
            u.getHost(), u.getPort(), password, path.isEmpty() ? DEFAULT_PREFIX : path, leaseMs);
    try {
      s.start();
    } catch (RuntimeException e) {
      s.shutdown();
      throw e;
    }
    return s;
  }

  private static IllegalArgumentException badSpec(String spec, String problem) {
    return new IllegalArgumentException(
        "--storage "
            + spec
            + " is not a Redis address ("
            + problem
            + "); give redis://HOST:PORT, optionally redis://:PASSWORD@HOST:PORT/PREFIX");
  }

  private void start() {
    synchronized (io) {
      connection();
      warnIfNotPersistent();
    }
    takeLease();
    long every = Math.max(1, leaseMs / 3);
    renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /** The connection, opened (and authenticated) if there is none. Holds io. */
  private RespClient connection() {
    if (conn != null) {
      return conn;
    }
    RespClient c;
    try {
      c = RespClient.connect(host, port, TIMEOUT_MS);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot reach Redis at "
              + host
              + ":"
              + port
              + " for the head's storage ("
              + e
              + "); start redis-server there (e.g. `redis-server --port "
              + port
              + " --appendonly yes`) or fix --storage "
              + url,
          e);
    }
    try {
      if (password != null) {
        check(c.call("AUTH", password), "AUTH");
      }
      check(c.call("PING"), "PING");
    } catch (IOException | RuntimeException e) {
      c.close();
      throw new IllegalStateException(
          "Redis at "
              + host
              + ":"
              + port
              + " did not answer as Redis ("
              + e.getMessage()
              + "); check the address and password of --storage "
              + url,
          e);
    }
    conn = c;
    return c;
  }

  private void warnIfNotPersistent() {
    try {
      Object r = connection().call("INFO", "persistence");
      if (r instanceof byte[] b) {
        String text = new String(b, StandardCharsets.UTF_8);
        boolean aof = text.contains("aof_enabled:1");
        Object save = connection().call("CONFIG", "GET", "save");
        boolean rdb =
            save instanceof List<?> l
                && l.size() == 2
                && l.get(1) instanceof byte[] v
                && v.length > 0;
        if (!aof && !rdb) {
          LOG.warn(
              "Redis at {}:{} keeps the head's tables in memory only (no AOF, no snapshots): a"
                  + " Redis restart loses them; run it with --appendonly yes",
              host,
              port);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not read Redis's persistence settings: {}", e.toString());
    }
  }

  private String lockKey() {
    return prefix + ":lock";
  }

  private void takeLease() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(leaseMs + 1_000);
    boolean told = false;
    while (true) {
      Object other;
      long ttl;
      synchronized (io) {
        try {
          Object r = connection().call("SET", lockKey(), holder, "NX", "PX", leaseMs);
          if ("OK".equals(r)) {
            return;
          }
          List<Object> rs =
              connection()
                  .pipeline(
                      List.of(new Object[] {"GET", lockKey()}, new Object[] {"PTTL", lockKey()}));
          other = rs.get(0);
          ttl = rs.get(1) instanceof Long l ? l : leaseMs;
        } catch (IOException e) {
          throw broken(e);
        }
      }
      String who = other instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : "nobody";
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "The head's storage "
                + url
                + " is in use by another head ("
                + who
                + ", which renews its lease "
                + lockKey()
                + "); one prefix serves one head at a time: stop that head, or give this one"
                + " another prefix, e.g. --storage redis://"
                + host
                + ":"
                + port
                + "/"
                + prefix
                + "2");
      }
      if (!told) {
        LOG.info(
            "Waiting up to {} ms for the lease of the head that used {} before ({}; a head killed"
                + " holds it until it expires)",
            leaseMs,
            url,
            who);
        told = true;
      }
      try {
        Thread.sleep(Math.clamp(ttl, 10, 200)); // polling a lease in another process
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the lease of " + url, e);
      }
    }
  }

  private void renew() {
    synchronized (io) {
      if (lost != null) {
        return;
      }
      try {
        Object r = connection().call("EVAL", RENEW, 1, lockKey(), holder, leaseMs);
        if (Long.valueOf(0).equals(r)) {
          Object who = connection().call("GET", lockKey());
          lost =
              "another head ("
                  + (who instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : "?")
                  + ") took the lease "
                  + lockKey()
                  + " while this head was stalled for longer than "
                  + leaseMs
                  + " ms; this head no longer writes its tables: stop it";
          LOG.error("The head's storage {}: {}", url, lost);
        } else if (r instanceof RespClient.ErrorReply e) {
          LOG.warn("Renewing the head's lease on {} failed: {}", url, e.message());
        }
      } catch (IOException | RuntimeException e) {
        dropConnection();
        LOG.warn("Renewing the head's lease on {} failed: {}", url, e.toString());
      }
    }
  }

  private void dropConnection() {
    if (conn != null) {
      conn.close();
      conn = null;
    }
  }

  private IllegalStateException broken(Exception e) {
    dropConnection();
    return new IllegalStateException(
        "The head's storage "
            + url
            + " cannot write ("
            + e
            + "); is Redis at "
            + host
            + ":"
            + port
            + " running? Start it again (its tables are kept with --appendonly yes)",
        e);
  }

  private static void check(Object reply, String what) throws IOException {
    if (reply instanceof RespClient.ErrorReply e) {
      throw new IOException(what + " answered " + e.message());
    }
  }

  private String hashKey(String table) {
    return prefix + ":table:" + table;
  }

  private final class RedisTable implements Table {
    private final String key;

    RedisTable(String name) {
      this.key = hashKey(name);
    }

    @Override
    public void put(String k, byte[] value) {
      Object[] cmd = {"HSET", key, k, value.clone()};
      synchronized (pending) {
        pending.add(cmd);
      }
    }

    @Override
    public void remove(String k) {
      Object[] cmd = {"HDEL", key, k};
      synchronized (pending) {
        pending.add(cmd);
      }
    }

    @Override
    public Map<String, byte[]> snapshot() {
      commit(); // so that it includes this head's own queued changes
      Object r;
      synchronized (io) {
        try {
          r = connection().call("HGETALL", key);
        } catch (IOException e) {
          throw broken(e);
        }
      }
      if (!(r instanceof List<?> items)) {
        throw new IllegalStateException("Redis at " + url + " answered HGETALL " + key + ": " + r);
      }
      Map<String, byte[]> copy = new HashMap<>();
      for (int i = 0; i + 1 < items.size(); i += 2) {
        copy.put(
            new String((byte[]) items.get(i), StandardCharsets.UTF_8), (byte[]) items.get(i + 1));
      }
      return copy;
    }
  }

  @Override
  public Table table(String name) {
    return new RedisTable(name);
  }

  @Override
  public void commit() {
    synchronized (io) {
      if (lost != null) {
        throw new IllegalStateException("The head's storage " + url + ": " + lost);
      }
      List<Object[]> batch;
      synchronized (pending) {
        if (pending.isEmpty()) {
          return;
        }
        batch = new ArrayList<>(pending);
        pending.clear();
      }
      List<Object[]> commands = new ArrayList<>(batch.size() + 2);
      commands.add(new Object[] {"MULTI"});
      commands.addAll(batch);
      commands.add(new Object[] {"EXEC"});
      try {
        List<Object> replies = connection().pipeline(commands);
        Object exec = replies.get(replies.size() - 1);
        for (Object r : replies) {
          if (r instanceof RespClient.ErrorReply e) {
            throw new IOException("Redis refused the transaction: " + e.message());
          }
        }
        if (!(exec instanceof List<?>)) {
          throw new IOException("Redis aborted the transaction (EXEC answered " + exec + ")");
        }
      } catch (IOException | RuntimeException e) {
        synchronized (pending) { // R2: back to the front, in order
          for (int i = batch.size() - 1; i >= 0; i--) {
            pending.addFirst(batch.get(i));
          }
        }
        throw e instanceof IllegalStateException ise ? ise : broken(e);
      }
    }
  }

  /** Whether another head took this one's lease (then every commit fails). */
  boolean leaseLost() {
    return lost != null;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public String describe() {
    return url + " (Redis; lease " + lockKey() + ")";
  }

  @Override
  public void close() {
    try {
      if (lost == null) {
        commit();
      }
    } finally {
      renewer.shutdownNow();
      synchronized (io) {
        try {
          if (lost == null && conn != null) {
            conn.call("EVAL", RELEASE, 1, lockKey(), holder);
          }
        } catch (IOException e) {
          LOG.debug("Could not release the lease on {}: {}", url, e.toString());
        }
        dropConnection();
      }
    }
  }

  private void shutdown() {
    renewer.shutdownNow();
    synchronized (io) {
      dropConnection();
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }
}
