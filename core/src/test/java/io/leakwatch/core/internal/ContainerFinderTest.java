package io.leakwatch.core.internal;

import io.leakwatch.core.AccumulationPoint;
import io.leakwatch.core.ApplicationCode;
import io.leakwatch.core.ReferenceStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Chains as real runs of the zoo's library scenarios gave them (issue 12), shortened where noted. */
class ContainerFinderTest {
    private static final ContainerFinder FINDER = new ContainerFinder(ApplicationCode.packages(List.of("com.acme")));

    private static ReferenceStep field(String holder, String field) {
        return new ReferenceStep(holder, field, false, null, -1, -1, 0);
    }

    private static ReferenceStep array(String type, int size) {
        return new ReferenceStep(type, null, false, null, 3, size, 0);
    }

    private static ReferenceStep misnamed(String holder, String jvmName) {
        return new ReferenceStep(holder, null, false, null, -1, -1, 0, jvmName);
    }

    /** A session's cart: the session's own 16-slot map, then the manager's map of sessions. */
    private static List<ReferenceStep> sessionChain(int sessions) {
        return List.of(field("com.acme.Cart", "items"), field("java.util.concurrent.ConcurrentHashMap$Node", "val"),
                array("java.util.concurrent.ConcurrentHashMap$Node[]", 16),
                field("java.util.concurrent.ConcurrentHashMap", "table"),
                field("org.apache.catalina.session.StandardSession", "attributes"),
                field("java.util.concurrent.ConcurrentHashMap$Node", "val"),
                array("java.util.concurrent.ConcurrentHashMap$Node[]", sessions),
                field("java.util.concurrent.ConcurrentHashMap", "table"),
                misnamed("org.apache.catalina.session.StandardManager", "name"),
                field("org.apache.catalina.core.StandardContext", "manager"),
                field("org.apache.catalina.startup.Tomcat", "server"), field("com.acme.Shop", "tomcat"));
    }

    @Test
    void theSessionManagersMapIsTheContainerNotTheFirstArrayOfItsType() {
        AccumulationPoint point = FINDER.find(sessionChain(16384));

        assertThat(point.storageIndex()).isEqualTo(6);
        assertThat(point.containerType()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
        assertThat(point.containerIndex()).isEqualTo(7);
        assertThat(point.suspect().describe()).isEqualTo("Shop.tomcat");
        assertThat(point.describe()).isEqualTo("ConcurrentHashMap (ConcurrentHashMap$Node[16384]) \u2190"
                + " StandardManager.<a field at the offset of static name> \u2190 \u2026 2 more \u2190 Shop.tomcat");
    }

    @Test
    void aCachesMapIsNamedAfterTheCacheTheApplicationHolds() {
        List<ReferenceStep> chain = List.of(field("com.acme.Quote", "history"),
                field("com.github.benmanes.caffeine.cache.PSA", "value"),
                field("java.util.concurrent.ConcurrentHashMap$Node", "val"),
                array("java.util.concurrent.ConcurrentHashMap$Node[]", 16384),
                field("java.util.concurrent.ConcurrentHashMap", "table"),
                misnamed("com.github.benmanes.caffeine.cache.SSA", "HILL_CLIMBER_STEP_PERCENT"),
                field("com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalManualCache", "cache"),
                field("com.acme.PriceService", "quotes"), field("com.acme.Shop", "service"));

        AccumulationPoint point = FINDER.find(chain);

        assertThat(point.knownContainer()).isEqualTo("Caffeine cache");
        assertThat(point.containerType())
                .isEqualTo("com.github.benmanes.caffeine.cache.BoundedLocalCache$BoundedLocalManualCache");
        assertThat(point.suspect().describe()).isEqualTo("PriceService.quotes");
        assertThat(point.describe()).isEqualTo("Caffeine cache BoundedLocalCache$BoundedLocalManualCache"
                + " (ConcurrentHashMap$Node[16384]) \u2190 PriceService.quotes");
    }

    @Test
    void aTablesBTreeIsNamedAfterTheTablesMapNotAPage() {
        List<ReferenceStep> chain = new ArrayList<>(List.of(field("org.h2.value.ValueVarbinary", "value"),
                array("org.h2.value.Value[]", 2), field("org.h2.result.DefaultRow", "data"),
                array("org.h2.value.VersionedValue[]", 24), field("org.h2.mvstore.Page$Leaf", "values"),
                field("org.h2.mvstore.Page$PageReference", "page"), array("org.h2.mvstore.Page$PageReference[]", 25),
                field("org.h2.mvstore.Page$NonLeaf", "children"), field("org.h2.mvstore.Page$PageReference", "page"),
                array("org.h2.mvstore.Page$PageReference[]", 20), field("org.h2.mvstore.Page$NonLeaf", "children"),
                field("org.h2.mvstore.RootReference", "root"),
                field("java.util.concurrent.atomic.AtomicReference", "value"),
                field("org.h2.mvstore.tx.TransactionStore$TxMapBuilder$TMVMap", "root"),
                field("org.h2.mvstore.tx.TransactionMap", "map"), field("org.h2.mvstore.db.MVPrimaryIndex", "dataMap"),
                field("org.h2.mvstore.db.MVTable", "primaryIndex"), field("org.h2.command.dml.Insert", "table"),
                field("org.h2.command.CommandContainer", "prepared"), field("org.h2.jdbc.JdbcPreparedStatement",
                        "command"), field("com.acme.AuditLog", "insert")));

        // The sampled object is a row's byte[1500]: a payload's length says nothing of the structure that holds it.
        AccumulationPoint point = FINDER.find(chain, "byte[]", 1500);

        assertThat(point.storage().describe()).isEqualTo("Page$PageReference[25]");
        assertThat(point.knownContainer()).isEqualTo("H2 table map");
        assertThat(point.containerType()).isEqualTo("org.h2.mvstore.tx.TransactionMap");
        assertThat(point.suspect().describe()).isEqualTo("AuditLog.insert");
    }

    @Test
    void anArrayTheApplicationHoldsIsTakenBeforeALargerOneOfTheRegistryAboveIt() {
        List<ReferenceStep> chain = List.of(field("com.acme.Quote", "history"), array("java.lang.Object[]", 500),
                field("java.util.ArrayList", "elementData"), field("com.acme.Prices", "recent"),
                field("javax.management.MBeanInfo", "resource"), array("java.util.HashMap$Node[]", 4096),
                field("java.util.HashMap", "table"),
                new ReferenceStep("java.lang.Class", "platformMBeanServer", true,
                        "java.lang.management.ManagementFactory", -1, -1, 0));

        AccumulationPoint point = FINDER.find(chain);

        assertThat(point.storageIndex()).isEqualTo(1);
        assertThat(point.containerType()).isEqualTo("java.util.ArrayList");
        assertThat(point.suspect().describe()).isEqualTo("Prices.recent");
    }

    @Test
    void aStaticMapsContainerIsTheMapAndItsSuspectTheStaticField() {
        List<ReferenceStep> chain = List.of(field("com.acme.Customer", "history"),
                field("java.util.HashMap$Node", "value"), array("java.util.HashMap$Node[]", 131072),
                field("java.util.HashMap", "table"),
                new ReferenceStep("java.lang.Class", "CUSTOMERS", true, "com.acme.Registry", -1, -1, 0));

        AccumulationPoint point = FINDER.find(chain);

        assertThat(point.describe()).isEqualTo("HashMap (HashMap$Node[131072]) \u2190 static Registry.CUSTOMERS");
        assertThat(point.suspect().isStatic()).isTrue();
    }

    @Test
    void theFingerprintOfALeakIgnoresSizesTheRouteToTheRootAndTheNamesTheJvmGotWrong() {
        // JDK 25 names the manager's inherited field right; JDK 17 names another field at its offset, which the
        // decoding resolves to the real one when it can load the class, and leaves unknown when it cannot.
        List<ReferenceStep> named = new ArrayList<>(sessionChain(16384));
        named.set(8, field("org.apache.catalina.session.StandardManager", "sessions"));
        List<ReferenceStep> resolved = new ArrayList<>(sessionChain(16384));
        resolved.set(8, new ReferenceStep("org.apache.catalina.session.StandardManager", "sessions", false, null, -1,
                -1, 0, "name"));
        List<ReferenceStep> small = new ArrayList<>(named);
        small.set(6, array("java.util.concurrent.ConcurrentHashMap$Node[]", 4096));
        // The third run of the zoo's Tomcat leak: the path to a root left through a thread of Tomcat's, no suspect.
        List<ReferenceStep> otherRoute = new ArrayList<>(named.subList(0, 10));

        String fingerprint = Fingerprint.of("com.acme.Cart", FINDER.find(named), null);
        assertThat(Fingerprint.of("com.acme.Cart", FINDER.find(resolved), null)).isEqualTo(fingerprint);
        assertThat(Fingerprint.of("com.acme.Cart", FINDER.find(small), null)).isEqualTo(fingerprint);
        assertThat(Fingerprint.of("other", FINDER.find(otherRoute), null)).isEqualTo(fingerprint);
        assertThat(fingerprint).hasSize(Fingerprint.HEX_DIGITS);
        // Unresolved, the field is unknown, which is not the same id: offline without the class it cannot be.
        assertThat(Fingerprint.of("com.acme.Cart", FINDER.find(sessionChain(16384)), null)).isNotEqualTo(fingerprint);
        List<ReferenceStep> otherField = new ArrayList<>(named);
        otherField.set(8, field("org.apache.catalina.session.StandardManager", "expired"));
        assertThat(Fingerprint.of("com.acme.Cart", FINDER.find(otherField), null)).isNotEqualTo(fingerprint);
        List<ReferenceStep> otherHolder = new ArrayList<>(named);
        otherHolder.set(8, field("org.apache.catalina.session.PersistentManager", "sessions"));
        assertThat(Fingerprint.of("com.acme.Cart", FINDER.find(otherHolder), null)).isNotEqualTo(fingerprint);
    }

    @Test
    void aSampledArrayLargerThanTheArraysAboveItIsTheStorageNotTheSmallerMapThatHoldsItsContainer() {
        // The session map's table, sampled as it was resized: the only array in its chain is the Mapper's 16 slots.
        List<ReferenceStep> chain = List.of(field("java.util.concurrent.ConcurrentHashMap", "table"),
                field("org.apache.catalina.session.StandardManager", "sessions"),
                field("org.apache.catalina.core.StandardContext", "manager"),
                field("java.util.concurrent.ConcurrentHashMap$Node", "key"),
                array("java.util.concurrent.ConcurrentHashMap$Node[]", 16),
                field("java.util.concurrent.ConcurrentHashMap", "table"),
                field("org.apache.catalina.mapper.Mapper", "contextObjectToContextVersionMap"),
                field("org.apache.catalina.core.StandardService", "mapper"), field("com.acme.Shop", "tomcat"));

        AccumulationPoint table = FINDER.find(chain, "java.util.concurrent.ConcurrentHashMap$Node[]", 8192);

        assertThat(table.storage().describe()).isEqualTo("ConcurrentHashMap$Node[8192]");
        assertThat(table.containerType()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
        assertThat(table.containerHeldBy().get(0).describe()).isEqualTo("StandardManager.sessions");
        assertThat(table.suspect().describe()).isEqualTo("Shop.tomcat");
        // One of the sessions in that table has the same container.
        List<ReferenceStep> session = new ArrayList<>(List.of(field("java.util.concurrent.ConcurrentHashMap$Node",
                "val"), array("java.util.concurrent.ConcurrentHashMap$Node[]", 8192)));
        session.addAll(chain);
        assertThat(FINDER.find(session, "org.apache.catalina.session.StandardSession", -1).identity())
                .isEqualTo(table.identity());
        assertThat(FINDER.find(chain).containerHeldBy().get(0).describe())
                .isEqualTo("Mapper.contextObjectToContextVersionMap");
    }
}
