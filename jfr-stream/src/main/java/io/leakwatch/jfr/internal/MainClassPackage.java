package io.leakwatch.jfr.internal;

import io.leakwatch.core.ApplicationCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The application's package as inferred from where its main class lives, the default of {@code
 * leakwatch.applicationPackages}: the package of the class the JVM was started with ({@code sun.java.command}), or
 * of a jar's {@code Start-Class} (Spring Boot's launcher names the real one there) or {@code Main-Class}. Nothing is
 * inferred when the main class is in the default package, in the JDK or in a well-known library's package (a
 * launcher such as Tomcat's {@code Bootstrap}), or the jar cannot be read: then application code is what is
 * neither the JDK's nor a library's.
 */
public final class MainClassPackage {
    private MainClassPackage() {
    }

    /**
     * @param javaCommand      the JVM's {@code sun.java.command} property, or null
     * @param workingDirectory where a relative jar path is resolved
     */
    public static List<String> infer(String javaCommand, Path workingDirectory) {
        if (javaCommand == null || javaCommand.isBlank()) {
            return List.of();
        }
        String first = javaCommand.trim().split("\\s+")[0];
        String mainClass = first.endsWith(".jar") ? fromManifest(workingDirectory.resolve(first)) : first;
        if (mainClass == null) {
            return List.of();
        }
        mainClass = mainClass.substring(mainClass.indexOf('/') + 1); // module/class
        int dot = mainClass.lastIndexOf('.');
        if (dot <= 0 || !ApplicationCode.notLibraries().isApplication(mainClass)) {
            return List.of();
        }
        return List.of(mainClass.substring(0, dot));
    }

    private static String fromManifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return null;
            }
            Attributes attributes = manifest.getMainAttributes();
            String start = attributes.getValue("Start-Class");
            return start != null ? start.trim() : attributes.getValue(Attributes.Name.MAIN_CLASS);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
