package org.amqpexplorer.app;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point ({@code java -jar amqp-explorer.jar}). Compiled for Java 8 (app/pom.xml), so that an older
 * {@code java} loads it and says what to do instead of failing with UnsupportedClassVersionError; on Java 21 or
 * newer it hands over to {@link Main}, which it reaches by name (its class files are too new to compile against).
 */
public final class Start {
    private static final int REQUIRED = 21;

    private Start() {
    }

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version", "unknown");
        if (feature(version) < REQUIRED) {
            System.err.println("amqp-explorer needs Java " + REQUIRED + " or newer, but this is Java " + version
                    + " (" + System.getProperty("java.home") + ").");
            System.err.println("Run it with the java of a JDK " + REQUIRED + "+, e.g. \"$JAVA_HOME/bin/java\" -jar ..."
                    + " with JAVA_HOME pointing at that JDK, or put that JDK's bin folder first on the PATH.");
            System.exit(1);
        }
        try {
            Class.forName("org.amqpexplorer.app.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release: "1.8" is 8, "17" is 17; 0 if it cannot be read. */
    static int feature(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
