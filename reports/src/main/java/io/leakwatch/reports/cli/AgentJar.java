package io.leakwatch.reports.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The agent jar that the build embeds in the CLI ({@code META-INF/leakwatch/}, named in {@code agent.properties}),
 * written to a file the target JVM can read: {@code loadAgent} takes a path, which the target opens itself.
 */
final class AgentJar {
    private static final String DIRECTORY = "/META-INF/leakwatch/";

    private AgentJar() {
    }

    /**
     * Writes the agent jar to a new temporary file, readable by all (a root user may attach to another user's JVM).
     *
     * @throws AttachFailure when this build of the CLI holds no agent jar
     * @throws IOException   when the file cannot be written
     */
    static Path extract() throws AttachFailure, IOException {
        String name = embeddedName();
        try (InputStream jar = AgentJar.class.getResourceAsStream(DIRECTORY + name)) {
            if (jar == null) {
                throw missing();
            }
            Path file = Files.createTempFile("leakwatch-agent-", ".jar");
            Files.copy(jar, file, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file's default permissions let its owner's JVMs read it
            }
            return file;
        }
    }

    /**
     * Deletes the file once the target has loaded the agent from it. The target's class loader opened the jar
     * while loading the agent class and keeps it open for later classes, so on POSIX systems it reads on after the
     * name is gone (checked with {@code -verbose:class}: a target loaded 26 more classes from the jar, seconds after
     * it was deleted, and wrote its evidence at exit).
     * Where the file cannot be deleted, it is deleted when this command exits.
     */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | UncheckedIOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static String embeddedName() throws AttachFailure, IOException {
        try (InputStream index = AgentJar.class.getResourceAsStream(DIRECTORY + "agent.properties")) {
            if (index == null) {
                throw missing();
            }
            Properties properties = new Properties();
            properties.load(index);
            String name = properties.getProperty("jar");
            if (name == null || name.contains("${")) {
                throw missing();
            }
            return name;
        }
    }

    private static AttachFailure missing() {
        return new AttachFailure(LeakwatchCli.CANNOT_ATTACH, "this build of leakwatch holds no agent jar to load"
                + " (it runs from classes, not from the leakwatch.jar that mvn package builds in reports/target)");
    }
}
