package io.leakwatch.core.internal;

import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.TypeGrowth;

import java.util.ArrayList;
import java.util.List;

/**
 * Growing types that are most likely parts of one structure: they gain instances at the same rate (a leaking
 * {@code Customer} brings its {@code long[]} and the {@code HashMap$Node} that holds it).
 */
record TypeGroup(List<TypeGrowth> members) {
    /** Instance rates within this share of each other are taken for one structure. */
    static final double SAME_RATE = 0.05;
    /** Below this many new instances a minute, equal rates are coincidence, not structure. */
    static final double MIN_GROUPING_RATE = 10;

    /** Groups steady growers, fastest-growing group first. */
    static List<TypeGroup> of(List<TypeGrowth> steady) {
        List<TypeGroup> groups = new ArrayList<>();
        List<TypeGrowth> left = new ArrayList<>(steady);
        while (!left.isEmpty()) {
            TypeGrowth lead = left.remove(0);
            List<TypeGrowth> members = new ArrayList<>(List.of(lead));
            left.removeIf(other -> {
                boolean same = lead.instancesPerMinute() >= MIN_GROUPING_RATE && Math.abs(other.instancesPerMinute()
                        - lead.instancesPerMinute()) <= SAME_RATE * lead.instancesPerMinute();
                if (same) {
                    members.add(other);
                }
                return same;
            });
            groups.add(new TypeGroup(List.copyOf(members)));
        }
        return groups;
    }

    /** The groups as one, their members in order; null when there are none. */
    static TypeGroup joined(List<TypeGroup> groups) {
        if (groups.isEmpty()) {
            return null;
        }
        return new TypeGroup(groups.stream().flatMap(group -> group.members().stream()).toList());
    }

    /**
     * The type to name the candidate after: the first class of the application's code, else the first library
     * class (a library's node grows with the application's values: Caffeine's {@code PSA} with a {@code Quote}),
     * else the first non-JDK type at all (a lambda's hidden class names nothing a developer wrote), else the
     * fastest-growing type.
     */
    TypeGrowth principal(ApplicationCode code) {
        return members.stream().filter(m -> code.isApplication(m.typeName()) && !JdkTypes.isHidden(m.typeName()))
                .findFirst()
                .or(() -> members.stream().filter(m -> !JdkTypes.isJdk(m.typeName())
                        && !JdkTypes.isHidden(m.typeName())).findFirst())
                .or(() -> members.stream().filter(m -> !JdkTypes.isJdk(m.typeName())).findFirst())
                .orElse(members.get(0));
    }

    double bytesPerMinute() {
        return members.stream().mapToDouble(TypeGrowth::bytesPerMinute).sum();
    }

    boolean contains(String typeName) {
        return members.stream().anyMatch(m -> m.typeName().equals(typeName));
    }

    List<String> typeNames() {
        return members.stream().map(TypeGrowth::typeName).toList();
    }
}
