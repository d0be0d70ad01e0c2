package dev.staplescan.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Guards the registry: every catalogue code has exactly one check, apart from those decided elsewhere. */
class ChecksTest {

    /** Decided by {@link Reachability}, not by checks. */
    private static final Set<FindingCode> REACHABILITY = EnumSet.of(
            FindingCode.DNS_FAILURE,
            FindingCode.CONNECT_REFUSED,
            FindingCode.CONNECT_TIMEOUT,
            FindingCode.HANDSHAKE_TIMEOUT,
            FindingCode.NOT_TLS,
            FindingCode.HANDSHAKE_FAILED);

    @Test
    void everyOtherCodeHasExactlyOneRegisteredCheck() {
        // given the catalogue minus the codes decided elsewhere
        Set<FindingCode> expected = EnumSet.allOf(FindingCode.class);
        expected.removeAll(REACHABILITY);
        // when
        List<FindingCode> registered = Checks.all().stream().map(Check::code).toList();
        // then no code is missing and none is produced by two checks
        assertEquals(expected, EnumSet.copyOf(registered));
        assertEquals(
                registered.size(),
                Set.copyOf(registered).size(),
                "codes registered twice: "
                        + registered.stream()
                                .filter(c -> registered.indexOf(c) != registered.lastIndexOf(c))
                                .collect(Collectors.toSet()));
    }
}
