package io.lodestar.bench.als;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole JVM (all threads, JIT and GC included). Reported beside wall time because the benchmark
 * machine's 2 cores are shared with other work: wall time says what a user waits, CPU time what the run costs.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
