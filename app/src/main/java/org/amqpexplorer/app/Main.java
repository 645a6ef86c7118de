package org.amqpexplorer.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javafx.application.Application;
import org.amqpexplorer.ui.ExplorerApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The program's entry point. Without arguments it is the desktop program; with a command it runs headless
 * (docs: cli.md). Exit codes: 0 success, 1 the command failed (one line on standard error says why), 2 the
 * command line is wrong (an error line and the usage on standard error).
 */
@Command(name = "amqp-explorer", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An AMQP 1.0 endpoint that shows what the protocol does.",
        subcommands = {ListenCommand.class, SendCommand.class, ReceiveCommand.class, Main.VersionCommand.class})
public final class Main implements Runnable {

    /** How commands that run until interrupted learn to stop. */
    final Interruption interruption;

    @Spec
    CommandSpec spec;

    Main(Interruption interruption) {
        this.interruption = interruption;
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(withoutCommand());
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(System.err);
        System.exit(run(out, err, Interruption.bySignals(), args));
    }

    /** No command: the window; returns when it is closed. Without a display, says so and points to the commands. */
    private static int withoutCommand() {
        try {
            Application.launch(ExplorerApp.class, "--version=" + version());
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("amqp-explorer: cannot open the window: " + e.getMessage());
            System.err.println("Run 'amqp-explorer --help' for the commands that need no window.");
            return 1;
        }
    }

    /** Runs one command line, writing to the standard streams; returns the exit code. */
    static int run(String... args) {
        return run(new PrintWriter(System.out), new PrintWriter(System.err), Interruption.manual(), args);
    }

    /**
     * Runs one command line; returns the exit code. A command that runs until interrupted stops when
     * {@code interruption} says so.
     */
    static int run(PrintWriter out, PrintWriter err, Interruption interruption, String... args) {
        int code = commandLine(interruption, out, err).execute(args);
        out.flush();
        err.flush();
        interruption.finished(code);
        return code;
    }

    private static CommandLine commandLine(Interruption interruption, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(interruption));
        cl.setOut(out);
        cl.setErr(err);
        // A wrong command line: the reason, any suggestion, and always the usage (cli.md).
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine wrong = e.getCommandLine();
            PrintWriter w = wrong.getErr();
            w.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, w);
            wrong.usage(w);
            return wrong.getCommandSpec().exitCodeOnInvalidInput();
        });
        // Failures are reported by the commands themselves; anything else is still one line, never a stack trace.
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: internal error: " + e);
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the build. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"amqp-explorer " + version()};
        }
    }

    @Command(name = "version", description = "Prints the program's version.")
    static final class VersionCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().println("amqp-explorer " + version());
        }
    }
}
