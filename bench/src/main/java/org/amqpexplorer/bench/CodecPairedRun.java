package org.amqpexplorer.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * The cases of {@link CodecBenchmark}, measured in alternation: short slices of ours and of Proton-J's, taking
 * turns first, so that both see the same load on a shared machine. Each slice is measured by the wall clock and
 * by the CPU time of this process (all its threads, so garbage collection counts), which other processes on the
 * machine hardly disturb. Prints, per case and operation, the median operations per millisecond of each and the
 * median of the per-round ratios, with their quartiles. Run one case per JVM, as JMH forks one per case. Usage:
 * {@code java -cp bench/target/benchmarks.jar org.amqpexplorer.bench.CodecPairedRun CASE [rounds] [slice-ms]}.
 */
public final class CodecPairedRun {

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Keep the results, so the work that makes them is not optimised away. */
    private static int sink;
    private static Object kept;

    private CodecPairedRun() {
    }

    public static void main(String[] args) {
        CodecBenchmark.Case kase = CodecBenchmark.Case.valueOf(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 200) * 1_000_000;
        System.out.printf("%s: %d rounds of %d ms slices, %s %s, %d cores%n", kase, rounds, sliceNanos / 1_000_000,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        CodecBenchmark b = new CodecBenchmark();
        b.kase = kase;
        b.setup();
        measure("encode", b::oursEncode, b::protonjEncode, rounds, sliceNanos);
        measure("decode", () -> keep(b.oursDecode()), () -> keep(b.protonjDecode()), rounds, sliceNanos);
    }

    private static int keep(Object decoded) {
        kept = decoded;
        return 1;
    }

    private static void measure(String operation, IntSupplier ours, IntSupplier protonJ, int rounds, long sliceNanos) {
        // Warm-up: both compiled before anything counts.
        for (int i = 0; i < 10; i++) {
            slice(ours, sliceNanos);
            slice(protonJ, sliceNanos);
        }
        double[][] oursRate = new double[2][rounds];
        double[][] theirRate = new double[2][rounds];
        double[][] ratio = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            double[] o;
            double[] t;
            if (r % 2 == 0) {
                o = slice(ours, sliceNanos);
                t = slice(protonJ, sliceNanos);
            } else {
                t = slice(protonJ, sliceNanos);
                o = slice(ours, sliceNanos);
            }
            for (int clock = 0; clock < 2; clock++) {
                oursRate[clock][r] = o[clock];
                theirRate[clock][r] = t[clock];
                ratio[clock][r] = o[clock] / t[clock];
            }
        }
        String[] clocks = {"wall", "cpu"};
        for (int clock = 0; clock < 2; clock++) {
            System.out.printf("%-6s %-4s ours %s ops/ms, Proton-J %s ops/ms, ratio %s%n", operation, clocks[clock],
                    quartiles(oursRate[clock], "%.1f"), quartiles(theirRate[clock], "%.1f"), quartiles(ratio[clock], "%.2f"));
        }
    }

    /** Operations per millisecond of wall-clock time and per millisecond of this process's CPU time. */
    private static double[] slice(IntSupplier operation, long nanos) {
        long cpuStart = CPU.getProcessCpuTime();
        long start = System.nanoTime();
        long operations = 0;
        long elapsed;
        do {
            for (int i = 0; i < 64; i++) sink += operation.getAsInt();
            operations += 64;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        long cpu = CPU.getProcessCpuTime() - cpuStart;
        return new double[] {operations * 1e6 / elapsed, operations * 1e6 / cpu};
    }

    /** median [first quartile, third quartile] */
    private static String quartiles(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(format + " [" + format + ", " + format + "]", sorted[n / 2], sorted[n / 4], sorted[3 * n / 4]);
    }
}
