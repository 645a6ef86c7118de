package org.amqpexplorer.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the command line in-process, as {@code java -jar amqp-explorer.jar} would, capturing its output. */
final class Cli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Interruption interruption = Interruption.manual();
    int exitCode = -1;

    static Cli run(String... args) {
        Cli c = new Cli();
        c.exitCode = Main.run(new PrintWriter(c.out, true), new PrintWriter(c.err, true), c.interruption, args);
        return c;
    }

    /** Runs on another thread, for commands that run until interrupted. */
    static Started start(String... args) {
        Cli c = new Cli();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                c.exitCode = Main.run(new PrintWriter(c.out, true), new PrintWriter(c.err, true), c.interruption, args));
        return new Started(c, exit);
    }

    record Started(Cli cli, CompletableFuture<Integer> exit) {
    }

    List<String> lines() {
        return out.toString().lines().toList();
    }

    String err() {
        return err.toString();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
