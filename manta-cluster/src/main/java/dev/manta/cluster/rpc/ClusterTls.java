package dev.manta.cluster.rpc;

import dev.manta.cluster.config.ClusterConfig;
import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS identity and trust of one Manta process, read from PEM files ({@code manta.tls-cert},
 * {@code manta.tls-key}, {@code manta.tls-ca}; see {@link ClusterConfig}): the gRPC servers and
 * channels ({@link Rpc}) and the direct links ({@link DirectLink}) of a process encrypt with it.
 *
 * <p>Trust: a peer's certificate must chain to one of the CA file's certificates, the cluster's
 * private CA ({@code manta tls init} makes one); the JDK's own trusted roots are not used. A client
 * checks that the server's certificate names the host it dialled (its subject alternative names). A
 * server asks every client for a certificate and refuses one that does not chain to the CA; a
 * client that presents none (a driver or {@code manta status} with the CA only) is let through to
 * the token check, unless {@link #requireClientCertificates()} ({@code
 * manta.tls-require-client-cert}), which refuses it in the handshake.
 *
 * <p>Files: the certificate file holds the process's certificate, then any intermediates (PEM
 * {@code CERTIFICATE} blocks); the key file its private key, PEM {@code PRIVATE KEY} (unencrypted
 * PKCS#8; {@code openssl pkcs8 -topk8 -nocrypt} converts others), readable by its owner only. Each
 * is read once, when the process starts: certificates are rotated by restarting the processes.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClusterTls {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
  private static final String[] PROTOCOLS = {"TLSv1.3"};

  private final SSLContext context;
  private final KeyManager[] keys; // empty: a client without a certificate
  private final TrustManager[] trust;
  private final boolean requireClientCertificates;
  private final String description;

  private ClusterTls(
      SSLContext context,
      KeyManager[] keys,
      TrustManager[] trust,
      boolean requireClientCertificates,
      String description) {
    this.context = context;
    this.keys = keys;
    this.trust = trust;
    this.requireClientCertificates = requireClientCertificates;
    this.description = description;
  }

  /**
   * The TLS of a process with {@code config}'s settings: empty when {@code manta.tls-ca} is not set
   * (a cluster without TLS).
   *
   * @throws IllegalStateException if a file is missing, unreadable, not PEM of its kind, or (the
   *     key) open to other users; the message names the file and the fix
   */
  public static Optional<ClusterTls> from(ClusterConfig config) {
    if (config.tlsCa().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        load(
            config.tlsCert().orElse(null),
            config.tlsKey().orElse(null),
            config.tlsCa().get(),
            config.tlsRequireClientCert()));
  }

  /**
   * Reads the TLS files: {@code cert} and {@code key} (both null for a client without a
   * certificate) and {@code ca}.
   *
   * @throws IllegalStateException as {@link #from}
   */
  public static ClusterTls load(Path cert, Path key, Path ca, boolean requireClientCertificates) {
    if ((cert == null) != (key == null)) {
      throw new IllegalStateException(
          "TLS needs both a certificate and its key, and only "
              + (cert == null ? "the key " + key : "the certificate " + cert)
              + " is given; set both "
              + ClusterConfig.TLS_CERT
              + " and "
              + ClusterConfig.TLS_KEY
              + " (or MANTA_TLS_CERT and MANTA_TLS_KEY), or neither for a client without one");
    }
    try {
      List<X509Certificate> roots = certificates(ca, "CA");
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      for (int i = 0; i < roots.size(); i++) {
        trusted.setCertificateEntry("ca-" + i, roots.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      KeyManager[] km = new KeyManager[0];
      if (cert != null) {
        List<X509Certificate> chain = certificates(cert, "certificate");
        PrivateKey pk = privateKey(key);
        char[] none = new char[0];
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        own.setKeyEntry("node", pk, none, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(own, none);
        km = kmf.getKeyManagers();
      }
      SSLContext ctx = SSLContext.getInstance("TLSv1.3");
      ctx.init(km, tmf.getTrustManagers(), null);
      String what =
          (cert == null ? "no certificate" : "certificate " + cert) + ", CA " + ca.toString();
      return new ClusterTls(ctx, km, tmf.getTrustManagers(), requireClientCertificates, what);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "Cannot set up TLS from "
              + (cert == null ? "" : cert + ", " + key + " and ")
              + ca
              + ": "
              + e.getMessage()
              + " (`manta tls init DIR` makes a working set for a test cluster)",
          e);
    }
  }

  /** Whether this process has a certificate of its own, and so may listen. */
  public boolean hasCertificate() {
    return keys.length > 0;
  }

  /** Whether servers refuse, in the handshake, a client without a certificate. */
  public boolean requireClientCertificates() {
    return requireClientCertificates;
  }

  /**
   * The credentials of a gRPC server.
   *
   * @throws IllegalStateException if this process has no certificate
   */
  ServerCredentials serverCredentials(String what) {
    checkCanServe(what);
    return TlsServerCredentials.newBuilder()
        .keyManager(keys)
        .trustManager(trust)
        .clientAuth(
            requireClientCertificates
                ? TlsServerCredentials.ClientAuth.REQUIRE
                : TlsServerCredentials.ClientAuth.OPTIONAL)
        .build();
  }

  /** The credentials of a gRPC channel: the CA, and this process's certificate if it has one. */
  ChannelCredentials channelCredentials() {
    TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder().trustManager(trust);
    if (keys.length > 0) {
      b.keyManager(keys);
    }
    return b.build();
  }

  /**
   * The TLS context of an HTTPS server of this process (a metrics endpoint): its certificate,
   * server-side only.
   *
   * @throws IllegalStateException if this process has no certificate
   */
  public javax.net.ssl.SSLContext httpsContext(String what) {
    checkCanServe(what);
    return context;
  }

  /**
   * A server socket for direct links, unbound: it asks clients for a certificate as {@link
   * ClusterTls} says. The handshake runs on the first read of an accepted socket.
   */
  ServerSocket serverSocket(String what) throws IOException {
    checkCanServe(what);
    SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
    s.setEnabledProtocols(PROTOCOLS);
    if (requireClientCertificates) {
      s.setNeedClientAuth(true);
    } else {
      s.setWantClientAuth(true);
    }
    return s;
  }

  /**
   * Layers TLS over {@code plain}, a socket connected to {@code host}, and runs the handshake,
   * checking that the server's certificate names {@code host}.
   *
   * @throws IOException if the handshake fails (the server's certificate is not from the cluster's
   *     CA or does not name {@code host}, or the server refused this process's certificate)
   */
  SSLSocket clientSocket(Socket plain, String host, int port) throws IOException {
    SSLSocket s =
        (SSLSocket)
            context.getSocketFactory().createSocket(plain, host, port, /* autoClose= */ true);
    SSLParameters p = s.getSSLParameters();
    p.setProtocols(PROTOCOLS);
    p.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isAddressLiteral(host)) {
      p.setServerNames(List.of(new SNIHostName(host)));
    }
    s.setSSLParameters(p);
    s.startHandshake();
    return s;
  }

  private void checkCanServe(String what) {
    if (keys.length == 0) {
      throw new IllegalStateException(
          "This process has the cluster's CA ("
              + ClusterConfig.TLS_CA
              + ") but no certificate of its own, and a "
              + what
              + " of a TLS cluster needs one (a driver too: workers call it back). Set "
              + ClusterConfig.TLS_CERT
              + " and "
              + ClusterConfig.TLS_KEY
              + " (or MANTA_TLS_CERT and MANTA_TLS_KEY) to a certificate from the cluster's CA"
              + " (`manta tls init DIR` makes one)");
    }
  }

  private static boolean isAddressLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
  }

  /** Names the files, never their contents. */
  @Override
  public String toString() {
    return "ClusterTls["
        + description
        + (requireClientCertificates ? ", client certs required" : "")
        + "]";
  }

  private static List<X509Certificate> certificates(Path file, String what)
      throws IOException, GeneralSecurityException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<X509Certificate> out = new ArrayList<>();
    for (byte[] der : blocks(file, "CERTIFICATE", what)) {
      out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
    }
    return out;
  }

  private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    checkPrivate(file);
    List<byte[]> der = blocks(file, "PRIVATE KEY", "private key");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der.get(0));
    GeneralSecurityException last = null;
    for (String alg : List.of("EC", "RSA", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        if (last != null) {
          e.addSuppressed(last);
        }
        last = e;
      }
    }
    throw new GeneralSecurityException(
        file + " holds no EC, RSA or EdDSA key in PKCS#8 form", last);
  }

  /** Like ssh with a private key: a key file others may read is not used. */
  private static void checkPrivate(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return;
    }
    String open;
    try {
      open = ClusterToken.openToOthers(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "the TLS key file does not exist");
    }
    if (open != null) {
      throw new IOException(
          "the TLS key file "
              + file
              + " is open to other users ("
              + open
              + "), so it is not used; make it private with: chmod 600 "
              + file);
    }
  }

  private static List<byte[]> blocks(Path file, String type, String what) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          file.toString(), null, "the TLS " + what + " file does not exist");
    }
    List<byte[]> out = new ArrayList<>();
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        out.add(Base64.getMimeDecoder().decode(m.group(2)));
      } else if (type.equals("PRIVATE KEY") && m.group(1).endsWith("PRIVATE KEY")) {
        throw new IOException(
            file
                + " holds a PEM '"
                + m.group(1)
                + "', not an unencrypted PKCS#8 'PRIVATE KEY'; convert it with: openssl pkcs8"
                + " -topk8 -nocrypt -in "
                + file
                + " -out KEY.pem");
      }
    }
    if (out.isEmpty()) {
      throw new IOException(file + " holds no PEM '" + type + "' block (the TLS " + what + ")");
    }
    return out;
  }
}
