package dev.staplescan.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Guards the registry: every catalogue code has exactly one check, apart from those decided elsewhere. */
class ChecksTest {

    @Test
    void everyCodeOutsideReachabilityHasExactlyOneRegisteredCheckInCatalogueOrder() {
        // given the catalogue minus the codes Reachability decides
        List<FindingCode> expected = Arrays.stream(FindingCode.values())
                .filter(c -> c.area() != FindingCode.Area.REACHABILITY)
                .toList();
        // when
        List<FindingCode> registered =
                Checks.all().stream().map(Checks.Registered::code).toList();
        // then no code is missing, none is registered twice, and the order is the catalogue's
        assertEquals(expected, registered);
    }

    @Test
    void reachabilityCodesHaveNoCheck() {
        for (FindingCode code : FindingCode.values()) {
            assertEquals(
                    code.area() != FindingCode.Area.REACHABILITY,
                    code.newCheck().isPresent(),
                    code.name());
        }
    }

    @Test
    void everyCheckClassServesOneCodeAndIsSharedOnce() {
        Set<Class<?>> classes =
                Checks.all().stream().map(r -> r.check().getClass()).collect(Collectors.toSet());

        assertEquals(Checks.all().size(), classes.size(), "one check class per code");
        assertTrue(Checks.all() == Checks.all(), "built once");
        FindingCode any = Checks.all().get(0).code();
        assertNotSame(Checks.all().get(0).check(), any.newCheck().orElseThrow(), "newCheck makes a new one");
    }
}
