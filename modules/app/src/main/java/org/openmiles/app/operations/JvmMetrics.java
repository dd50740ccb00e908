package org.openmiles.app.operations;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;

/** The Java virtual machine's own numbers, from its management beans. */
final class JvmMetrics {
  private JvmMetrics() {}

  static void addTo(PrometheusText out) {
    var memory = ManagementFactory.getMemoryMXBean();
    memory(out, "heap", memory.getHeapMemoryUsage());
    memory(out, "nonheap", memory.getNonHeapMemoryUsage());
    var threads = ManagementFactory.getThreadMXBean();
    out.gauge("jvm_threads_live", "Live threads", threads.getThreadCount());
    out.gauge("jvm_threads_daemon", "Live daemon threads", threads.getDaemonThreadCount());
    out.gauge("jvm_threads_peak", "Most live threads since start", threads.getPeakThreadCount());
    long[] deadlocked = threads.findDeadlockedThreads();
    out.gauge(
        "jvm_threads_deadlocked",
        "Threads deadlocked on monitors or synchronizers",
        deadlocked == null ? 0 : deadlocked.length);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      Map<String, String> label = Map.of("gc", gc.getName());
      out.sample(
          "jvm_gc_collections_total",
          "counter",
          "Collections by collector since start",
          label,
          Math.max(0, gc.getCollectionCount()));
      out.sample(
          "jvm_gc_collection_seconds_total",
          "counter",
          "Time spent collecting, by collector, since start",
          label,
          Math.max(0, gc.getCollectionTime()) / 1000.0);
    }
    var classes = ManagementFactory.getClassLoadingMXBean();
    out.gauge("jvm_classes_loaded", "Classes loaded now", classes.getLoadedClassCount());
    var runtime = ManagementFactory.getRuntimeMXBean();
    out.gauge(
        "process_uptime_seconds", "Seconds since the JVM started", runtime.getUptime() / 1000.0);
    var os = ManagementFactory.getOperatingSystemMXBean();
    out.gauge(
        "process_available_processors", "Processors the JVM may use", os.getAvailableProcessors());
    out.gauge(
        "system_load_average_1m",
        "The system's load average of the last minute (-1 where unknown)",
        os.getSystemLoadAverage());
    Number cpuLoad = osAttribute("ProcessCpuLoad");
    if (cpuLoad != null) {
      out.gauge("process_cpu_load", "The JVM's share of CPU, 0 to 1 (-1 where unknown)", cpuLoad);
    }
    Number cpuTime = osAttribute("ProcessCpuTime");
    if (cpuTime != null) {
      out.gauge(
          "process_cpu_seconds_total",
          "CPU time the JVM used since start",
          cpuTime.longValue() / 1e9);
    }
  }

  /**
   * An attribute of the platform's operating-system bean that only some JVMs have, read through the
   * MBean server: no compile-time or class-loading tie to {@code com.sun.management}.
   */
  private static Number osAttribute(String name) {
    try {
      Object v =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(
                  new javax.management.ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME),
                  name);
      return v instanceof Number n ? n : null;
    } catch (javax.management.JMException | RuntimeException e) {
      return null;
    }
  }

  private static void memory(PrometheusText out, String area, MemoryUsage usage) {
    Map<String, String> label = Map.of("area", area);
    out.sample("jvm_memory_used_bytes", "gauge", "Memory in use", label, usage.getUsed());
    out.sample(
        "jvm_memory_committed_bytes", "gauge", "Memory the JVM holds", label, usage.getCommitted());
    out.sample(
        "jvm_memory_max_bytes",
        "gauge",
        "Most memory the JVM may use (-1: no limit)",
        label,
        usage.getMax());
  }
}
