package org.amqpexplorer.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.amqpexplorer.bench.EngineBenchmark.Ours;
import org.amqpexplorer.bench.EngineBenchmark.ProtonJ;
import org.amqpexplorer.bench.EngineBenchmark.Settlement;

/**
 * The scenario of {@link EngineBenchmark}, measured in alternation: short slices of ours and of Proton-J's,
 * taking turns first, so that both see the same load on a shared machine. Each slice is measured twice: by the
 * wall clock, and by the CPU time of this process (all its threads, so garbage collection counts), which other
 * processes on the machine hardly disturb. Prints the median messages per second of each and the median of the
 * per-round ratios, with their quartiles. Usage:
 * {@code java -cp bench/target/benchmarks.jar org.amqpexplorer.bench.EnginePairedRun [rounds] [slice-ms]}.
 */
public final class EnginePairedRun {

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EnginePairedRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 500) * 1_000_000;
        System.out.printf("%d rounds of %d ms slices, %s %s, %d cores%n", rounds, sliceNanos / 1_000_000,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (Settlement settlement : Settlement.values()) {
            boolean presettled = settlement == Settlement.PRESETTLED;
            Ours ours = new Ours(presettled);
            ProtonJ protonJ = new ProtonJ(presettled);
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
                System.out.printf("%-13s %-4s ours %s msg/s, Proton-J %s msg/s, ratio %s%n", settlement, clocks[clock],
                        quartiles(oursRate[clock], "%.0f"), quartiles(theirRate[clock], "%.0f"),
                        quartiles(ratio[clock], "%.2f"));
            }
        }
    }

    /** Messages per second of wall-clock time and per second of this process's CPU time. */
    private static double[] slice(Object engines, long nanos) {
        long cpuStart = CPU.getProcessCpuTime();
        long start = System.nanoTime();
        long batches = 0;
        long elapsed;
        do {
            if (engines instanceof Ours ours) {
                ours.batch(EngineBenchmark.TAGS, EngineBenchmark.MESSAGE);
            } else {
                ((ProtonJ) engines).batch(EngineBenchmark.TAG_BYTES, EngineBenchmark.MESSAGE);
            }
            batches++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        long cpu = CPU.getProcessCpuTime() - cpuStart;
        double messages = batches * EngineBenchmark.BATCH * 1e9;
        return new double[] {messages / elapsed, messages / cpu};
    }

    /** median [first quartile, third quartile] */
    private static String quartiles(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(format + " [" + format + ", " + format + "]", sorted[n / 2], sorted[n / 4], sorted[3 * n / 4]);
    }
}
