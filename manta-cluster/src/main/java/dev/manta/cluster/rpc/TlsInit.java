package dev.manta.cluster.rpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code manta tls init DIR}: a private certificate authority and one node certificate signed by
 * it, for a test cluster, with the JDK alone (no certificate library): EC P-256 keys, ECDSA with
 * SHA-256 signatures, X.509 v3 certificates written in DER by this class.
 *
 * <p>Files in {@code DIR} (made 0700 if new): {@value #CA_CERT} (the CA's certificate: every
 * process's {@code manta.tls-ca}), {@value #CA_KEY} (the CA's key, to sign more certificates;
 * needed by no process), {@value #NODE_CERT} and {@value #NODE_KEY} (every node's, worker's and
 * driver's {@code manta.tls-cert} and {@code manta.tls-key}). Keys are PEM PKCS#8, mode 0600;
 * certificates PEM, mode 0644. The node certificate is for both servers and clients and names
 * {@code localhost}, {@code 127.0.0.1}, {@code ::1}, this machine's host name and addresses, and
 * the extra hosts given (names or IP addresses), so that one certificate serves every machine of a
 * small cluster. The CA is valid for 10 years, the node certificate for 1 year.
 *
 * <p>For a test cluster: a production cluster's certificates come from the operator's own CA, one
 * per machine.
 */
public final class TlsInit {
  /** The CA's certificate, in {@code DIR}. */
  public static final String CA_CERT = "ca.crt";

  /** The CA's private key, in {@code DIR}. */
  public static final String CA_KEY = "ca.key";

  /** The node certificate, in {@code DIR}. */
  public static final String NODE_CERT = "node.crt";

  /** The node certificate's private key, in {@code DIR}. */
  public static final String NODE_KEY = "node.key";

  private static final Duration CA_VALIDITY = Duration.ofDays(3652);
  private static final Duration NODE_VALIDITY = Duration.ofDays(365);
  private static final Duration BACKDATE = Duration.ofHours(1); // clocks a little behind

  /** What {@link #init} wrote. */
  public record Written(Path caCert, Path caKey, Path nodeCert, Path nodeKey, List<String> names) {}

  private TlsInit() {}

  /**
   * Writes a new CA and node certificate into {@code dir}; see the class comment.
   *
   * @throws UncheckedIOException if a file exists already (nothing is overwritten) or cannot be
   *     written
   * @throws IllegalArgumentException if an extra host is neither a DNS name nor an IP address
   */
  public static Written init(Path dir, List<String> extraHosts) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    try {
      InetAddress self = InetAddress.getLocalHost();
      for (String n :
          List.of(self.getHostName(), self.getCanonicalHostName(), self.getHostAddress())) {
        if (isHost(n)) {
          names.add(n);
        }
      }
    } catch (IOException e) {
      // no resolvable host name: the loopback names and the extra hosts only
    }
    for (String h : extraHosts) {
      names.add(checkHost(h.strip()));
    }
    Path caCert = dir.resolve(CA_CERT);
    Path caKey = dir.resolve(CA_KEY);
    Path nodeCert = dir.resolve(NODE_CERT);
    Path nodeKey = dir.resolve(NODE_KEY);
    try {
      for (Path p : List.of(caCert, caKey, nodeCert, nodeKey)) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new FileAlreadyExistsException(
              p.toString(), null, "manta tls init overwrites nothing; pick an empty folder");
        }
      }
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair ca = g.generateKeyPair();
      KeyPair node = g.generateKeyPair();
      Instant now = Instant.now();
      byte[] caName = name("Manta test cluster CA");
      byte[] caDer =
          certificate(
              caName,
              caName,
              ca,
              ca.getPrivate(),
              now,
              CA_VALIDITY,
              List.of(
                  extension(BASIC_CONSTRAINTS, true, seq(bool(true), integer(BigInteger.ZERO))),
                  // keyCertSign (bit 5) and cRLSign (bit 6): 0b0000_0110, 1 unused bit
                  extension(KEY_USAGE, true, tlv(0x03, new byte[] {1, 0x06}))));
      List<byte[]> alt = new ArrayList<>();
      for (String n : names) {
        alt.add(
            isIp(n)
                ? tlv(0x87, InetAddress.getByName(n).getAddress())
                : tlv(0x82, n.getBytes(StandardCharsets.US_ASCII)));
      }
      byte[] nodeDer =
          certificate(
              caName,
              name("Manta node"),
              node,
              ca.getPrivate(),
              now,
              NODE_VALIDITY,
              List.of(
                  extension(BASIC_CONSTRAINTS, true, seq()),
                  // digitalSignature (bit 0): 0b1000_0000, 7 unused bits
                  extension(KEY_USAGE, true, tlv(0x03, new byte[] {7, (byte) 0x80})),
                  extension(EXT_KEY_USAGE, false, seq(oid(SERVER_AUTH), oid(CLIENT_AUTH))),
                  extension(SUBJECT_ALT_NAME, false, seq(alt.toArray(new byte[0][])))));
      write(caKey, pem("PRIVATE KEY", ca.getPrivate().getEncoded()), "rw-------");
      write(nodeKey, pem("PRIVATE KEY", node.getPrivate().getEncoded()), "rw-------");
      write(caCert, pem("CERTIFICATE", caDer), "rw-r--r--");
      write(nodeCert, pem("CERTIFICATE", nodeDer), "rw-r--r--");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the TLS files in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot make EC P-256 keys or sign with them", e);
    }
    return new Written(caCert, caKey, nodeCert, nodeKey, List.copyOf(names));
  }

  private static final java.util.regex.Pattern DNS_NAME =
      java.util.regex.Pattern.compile(
          "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

  private static boolean isHost(String h) {
    return isIp(h) || DNS_NAME.matcher(h).matches();
  }

  private static String checkHost(String h) {
    if (isHost(h)) {
      return h;
    }
    throw new IllegalArgumentException(
        "--host " + h + " is neither a host name (letters, digits, '-', '.') nor an IP address");
  }

  private static boolean isIp(String h) {
    return h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
        || (h.contains(":") && h.matches("[0-9A-Fa-f:.]+"));
  }

  private static void write(Path file, String text, String mode) throws IOException {
    boolean posix =
        Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
    if (posix) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  // ---- X.509 in DER (RFC 5280), only what the two certificates above need ----

  private static final String EC_PUBLIC_KEY_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String ORGANIZATION = "2.5.4.10";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String EXT_KEY_USAGE = "2.5.29.37";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private static byte[] certificate(
      byte[] issuer,
      byte[] subject,
      KeyPair subjectKeys,
      PrivateKey signer,
      Instant now,
      Duration validity,
      List<byte[]> extensions)
      throws GeneralSecurityException {
    byte[] serial = new byte[16];
    new SecureRandom().nextBytes(serial);
    serial[0] &= 0x7f; // positive
    byte[] algorithm = seq(oid(EC_PUBLIC_KEY_WITH_SHA256));
    byte[] tbs =
        seq(
            tlv(0xa0, integer(BigInteger.TWO)), // version 3
            integer(new BigInteger(1, serial)),
            algorithm,
            issuer,
            seq(time(now.minus(BACKDATE)), time(now.plus(validity))),
            subject,
            subjectKeys.getPublic().getEncoded(), // SubjectPublicKeyInfo already
            tlv(0xa3, seq(extensions.toArray(new byte[0][]))));
    Signature sig = Signature.getInstance("SHA256withECDSA");
    sig.initSign(signer);
    sig.update(tbs);
    byte[] s = sig.sign(); // DER Ecdsa-Sig-Value already
    byte[] bits = new byte[s.length + 1]; // no unused bits
    System.arraycopy(s, 0, bits, 1, s.length);
    return seq(tbs, algorithm, tlv(0x03, bits));
  }

  private static byte[] name(String commonName) {
    return seq(
        set(seq(oid(ORGANIZATION), tlv(0x0c, "Manta".getBytes(StandardCharsets.UTF_8)))),
        set(seq(oid(COMMON_NAME), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
  }

  private static byte[] extension(String id, boolean critical, byte[] value) {
    return critical ? seq(oid(id), bool(true), tlv(0x04, value)) : seq(oid(id), tlv(0x04, value));
  }

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  /** UTCTime up to 2049, GeneralizedTime from 2050, as RFC 5280 says. */
  private static byte[] time(Instant t) {
    boolean utc = t.atZone(ZoneOffset.UTC).getYear() < 2050;
    String s = (utc ? UTC_TIME : GENERALIZED_TIME).format(t);
    return tlv(utc ? 0x17 : 0x18, s.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] integer(BigInteger v) {
    return tlv(0x02, v.toByteArray()); // minimal two's complement, as DER wants
  }

  private static byte[] bool(boolean v) {
    return tlv(0x01, new byte[] {(byte) (v ? 0xff : 0)});
  }

  private static byte[] oid(String dotted) {
    String[] p = dotted.split("\\.", -1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(40 * Integer.parseInt(p[0]) + Integer.parseInt(p[1]));
    for (int i = 2; i < p.length; i++) {
      long v = Long.parseLong(p[i]);
      int groups = 1;
      while ((v >>> (7 * groups)) != 0) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int b = (int) ((v >>> (7 * g)) & 0x7f);
        out.write(g == 0 ? b : b | 0x80);
      }
    }
    return tlv(0x06, out.toByteArray());
  }

  private static byte[] seq(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return tlv(0x31, concat(parts));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Tag, DER length (short form below 128, else long form), value. */
  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(n >>> (8 * i));
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
