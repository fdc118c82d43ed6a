package dev.manta.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a result was measured on: cores, memory, JDK, CPU model, OS. */
final class Machine {
  private Machine() {}

  /** This machine, as a JSON object. */
  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memory_gib", memoryGib());
    m.put(
        "jdk",
        System.getProperty("java.vm.vendor", "?")
            + " "
            + System.getProperty("java.runtime.version", System.getProperty("java.version")));
    m.put("max_heap_gib", round1(Runtime.getRuntime().maxMemory() / (double) (1L << 30)));
    m.put("cpu_model", cpuModel());
    m.put(
        "os",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + arch());
    return m;
  }

  private static String arch() {
    return System.getProperty("os.arch", "?");
  }

  private static double memoryGib() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return round1(os.getTotalMemorySize() / (double) (1L << 30));
    }
    return Double.NaN;
  }

  private static String cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
      for (String line : lines) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the model is optional.
      return "unknown (" + e.getClass().getSimpleName() + ")";
    }
    return "unknown";
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }
}
