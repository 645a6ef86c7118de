package org.amqpexplorer.bench;

import java.util.Arrays;
import org.amqpexplorer.bench.EngineBenchmark.Ours;
import org.amqpexplorer.bench.EngineBenchmark.ProtonJ;
import org.amqpexplorer.bench.EngineBenchmark.Settlement;

/**
 * The scenario of {@link EngineBenchmark}, measured in alternation: short slices of ours and of Proton-J's,
 * taking turns first, so that both see the same load on a shared machine. Prints the median messages per
 * second of each and the median of the per-round ratios, with their quartiles. Usage:
 * {@code java -cp bench/target/benchmarks.jar org.amqpexplorer.bench.EnginePairedRun [rounds] [slice-ms]}.
 */
public final class EnginePairedRun {

    private EnginePairedRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 250) * 1_000_000;
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
            double[] oursRate = new double[rounds];
            double[] theirRate = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                if (r % 2 == 0) {
                    oursRate[r] = slice(ours, sliceNanos);
                    theirRate[r] = slice(protonJ, sliceNanos);
                } else {
                    theirRate[r] = slice(protonJ, sliceNanos);
                    oursRate[r] = slice(ours, sliceNanos);
                }
                ratio[r] = oursRate[r] / theirRate[r];
            }
            System.out.printf("%-13s ours %s msg/s, Proton-J %s msg/s, ratio %s%n", settlement,
                    quartiles(oursRate, "%.0f"), quartiles(theirRate, "%.0f"), quartiles(ratio, "%.2f"));
        }
    }

    private static double slice(Object engines, long nanos) {
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
        return batches * EngineBenchmark.BATCH * 1e9 / elapsed;
    }

    /** median [first quartile, third quartile] */
    private static String quartiles(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(format + " [" + format + ", " + format + "]", sorted[n / 2], sorted[n / 4], sorted[3 * n / 4]);
    }
}
