package io.leakwatch.core.internal;

import io.leakwatch.core.TypeNames;

import java.util.List;

/**
 * Library containers the general rule of {@link ContainerFinder} names one level too low, because their storage is
 * a JDK map or a tree they own: the table that refines the name (docs/ARCHITECTURE.md lists it). Each entry is a
 * type, or with a trailing dot a package, and what users call such an object. Only entries seen in a real chain
 * are here (zoo scenarios {@code caffeine-unbounded} and {@code h2-table}).
 *
 * @param typeOrPackage a class name, or a package ending with a dot
 * @param label         how the container is introduced in reports
 */
record KnownContainers(String typeOrPackage, String label) {
    /**
     * Caffeine's caches keep entries in a {@code ConcurrentHashMap} field of generated subclasses of {@code
     * BoundedLocalCache} ({@code SSMS}, ...) or of {@code UnboundedLocalCache}, wrapped by the {@code Cache} object
     * users hold. H2's MVStore keeps a table's rows in a copy-on-write B-tree of {@code Page}s under an {@code MVMap}
     * (its transactional subclass {@code TMVMap}), which the {@code TransactionMap} of the table's primary index wraps.
     */
    static final List<KnownContainers> TABLE = List.of(
            new KnownContainers("com.github.benmanes.caffeine.cache.", "Caffeine cache"),
            new KnownContainers("org.h2.mvstore.MVMap", "H2 MVStore map"),
            new KnownContainers("org.h2.mvstore.tx.TransactionStore$TxMapBuilder$TMVMap", "H2 MVStore map"),
            new KnownContainers("org.h2.mvstore.tx.TransactionMap", "H2 table map"));

    /** The entry a type matches, or null. */
    static KnownContainers of(String typeName) {
        String name = TypeNames.stable(typeName);
        for (KnownContainers entry : TABLE) {
            boolean matches = entry.typeOrPackage.endsWith(".") ? name.startsWith(entry.typeOrPackage)
                    : name.equals(entry.typeOrPackage);
            if (matches) {
                return entry;
            }
        }
        return null;
    }
}
