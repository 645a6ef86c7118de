package org.amqpexplorer.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The program's entry point: the headless commands of the command line. */
@Command(name = "amqp-explorer", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An AMQP 1.0 endpoint that shows what the protocol does.",
        subcommands = {Main.VersionCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
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
