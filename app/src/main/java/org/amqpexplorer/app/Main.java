package org.amqpexplorer.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import javafx.application.Application;
import org.amqpexplorer.ui.ExplorerApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The program's entry point: with no arguments the window, with arguments the headless commands. */
@Command(name = "amqp-explorer", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An AMQP 1.0 endpoint that shows what the protocol does.",
        subcommands = {Main.VersionCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(args.length == 0 ? window() : run(args));
    }

    /** Opens the window and returns when it is closed. */
    static int window() {
        try {
            Application.launch(ExplorerApp.class, "--version=" + version());
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // no display (e.g. over ssh without X forwarding): say so, and point to the headless commands
            System.err.println("amqp-explorer: cannot open the window: " + e.getMessage());
            System.err.println("Run 'amqp-explorer --help' for the commands that need no window.");
            return 1;
        }
    }

    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
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
        @Override
        public void run() {
            System.out.println("amqp-explorer " + version());
        }
    }
}
