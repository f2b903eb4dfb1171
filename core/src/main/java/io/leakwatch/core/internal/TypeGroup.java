package io.leakwatch.core.internal;

import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.JdkTypes;
import io.leakwatch.core.TypeGrowth;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Growing types that are most likely parts of one structure: they gain instances at the same rate (a leaking
 * {@code Customer} brings its {@code long[]} and the {@code HashMap$Node} that holds it).
 *
 * <p>{@code byte[]} is compared net of {@code String}: every {@code String} owns one {@code byte[]} (its value, since
 * JDK 9's compact strings), so the arrays of strings that come and go mix with the arrays a structure holds. Measured
 * under generational ZGC, whose histograms also count garbage: a leaking {@code Document} gained 5,746 instances a
 * minute, {@code byte[]} 7,578 and {@code String} 1,811, whose difference is 5,767; a thread's {@code RequestContext}
 * 22,556, {@code byte[]} 23,907 less {@code String} 1,390 (22,517). Compared raw, neither joined, and the growth, 95%
 * {@code byte[]}, named nothing the application wrote.
 */
record TypeGroup(List<TypeGrowth> members) {
    /** Instance rates within this share of each other are taken for one structure. */
    static final double SAME_RATE = 0.05;
    /** Below this many new instances a minute, equal rates are coincidence, not structure. */
    static final double MIN_GROUPING_RATE = 10;
    private static final String BYTES = "byte[]";
    private static final String STRING = "java.lang.String";

    /** Groups the steady growers among {@code growth}, fastest-growing group first. */
    static List<TypeGroup> of(List<TypeGrowth> growth) {
        double stringRate = growth.stream().filter(g -> g.typeName().equals(STRING))
                .mapToDouble(TypeGrowth::instancesPerMinute).findFirst().orElse(0);
        List<TypeGroup> groups = new ArrayList<>();
        List<TypeGrowth> left = new ArrayList<>(growth.stream().filter(TypeGrowth::steady).toList());
        while (!left.isEmpty()) {
            TypeGrowth lead = left.remove(0);
            List<TypeGrowth> members = new ArrayList<>(List.of(lead));
            left.removeIf(other -> {
                boolean same = sameRate(lead.instancesPerMinute(), other.instancesPerMinute())
                        || sameRate(netOfStrings(lead, stringRate), netOfStrings(other, stringRate));
                if (same) {
                    members.add(other);
                }
                return same;
            });
            groups.add(new TypeGroup(List.copyOf(members)));
        }
        return groups;
    }

    private static boolean sameRate(double lead, double other) {
        return lead >= MIN_GROUPING_RATE && Math.abs(other - lead) <= SAME_RATE * lead;
    }

    /**
     * A type's instance rate, less the strings' for {@code byte[]}: the arrays no string owns. Only while strings are
     * under half of the arrays' growth: a difference of two near-equal rates is smaller than the noise of either (a
     * healthy program's {@code byte[]} and {@code String} each gained about 11,250 instances a minute, ±150, and the
     * few a minute between them matched the monitor's own histogram iterators). The strings' rate counts whether or
     * not it is steady: it is the garbage strings a histogram counts that make the arrays' count noisy.
     */
    private static double netOfStrings(TypeGrowth growth, double stringRate) {
        boolean arrays = growth.typeName().equals(BYTES) && stringRate < 0.5 * growth.instancesPerMinute();
        return arrays ? growth.instancesPerMinute() - stringRate : growth.instancesPerMinute();
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

    /**
     * Whether a site whose objects relate to {@code related} (their type, their holders, the class that allocated
     * them) ties this group into its candidate: through a type of the group not the JDK's, when it has one. A JDK
     * type alone ties loosely, since everything allocates {@code byte[]}: under generational ZGC, which keeps sampled
     * objects alive until an old collection, the 8 KB garbage arrays of a request's churn were sampled "alive" at
     * their own site, and through {@code byte[]} they took an H2 table's rows, which the report then said were
     * allocated at the churn's line (and, without a site, a leaking {@code Document}).
     */
    boolean tiedTo(Set<String> related) {
        List<String> own = typeNames().stream().filter(type -> !JdkTypes.isJdk(type)).toList();
        return (own.isEmpty() ? typeNames() : own).stream().anyMatch(related::contains);
    }

    List<String> typeNames() {
        return members.stream().map(TypeGrowth::typeName).toList();
    }
}
