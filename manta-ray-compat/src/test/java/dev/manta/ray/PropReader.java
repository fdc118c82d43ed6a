package dev.manta.ray;

/** A test actor that reads its JVM's system properties, wherever it lives. */
public class PropReader {
  public PropReader() {}

  /** The system property {@code key} of the JVM this actor runs in, or null. */
  public String prop(String key) {
    return System.getProperty(key);
  }

  /** The id of the JVM process this actor runs in. */
  public long pid() {
    return ProcessHandle.current().pid();
  }
}
