package dev.staplescan.scan;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Where a live query may go (SPEC §11): turns a responder URL's host into the one address to connect
 * to, or a refusal. A numeric spelling is read as the address it stands for ({@link HostNames}); a
 * name is refused by a deny rule before any lookup, else resolved once; then every address must pass
 * the {@link ResponderPolicy}, and the first is the one the request goes to. Thread-safe; owns the
 * lookup threads.
 */
final class ResponderTarget implements AutoCloseable {

    /** Lookup threads for responder host names: a handful of distinct responders per run. */
    private static final int RESOLVER_THREADS = 4;

    private final ResponderPolicy policy;
    private final Duration timeout;
    private final Resolver resolver;

    ResponderTarget(ResponderPolicy policy, Duration timeout, Resolver.Lookup lookup) {
        this.policy = policy;
        this.timeout = timeout;
        this.resolver = new Resolver(RESOLVER_THREADS, lookup);
    }

    /**
     * Where to send the query: the checked address, or why there is none.
     *
     * @param address the address to connect to; {@code null} when refused
     * @param outcome why not ({@code null} when allowed)
     * @param refusal the error text ({@code null} when allowed)
     */
    record Target(InetAddress address, QueryOutcome outcome, String refusal) {
        static Target refused(QueryOutcome outcome, String why) {
            return new Target(null, outcome, why);
        }
    }

    /** The address to send the query for {@code url} to, or why there is none; the lookup counts against {@code deadline}. */
    Target target(ResponderUrl url, Deadline deadline) {
        Optional<InetAddress> literal;
        try {
            literal = HostNames.address(url.host());
        } catch (IllegalArgumentException notAnAddress) {
            // Written as a number, but no address (256.1.1.1, 1.2.3.4.5): nothing to connect to.
            return Target.refused(QueryOutcome.URL_REFUSED, "not queried: " + notAnAddress.getMessage());
        }
        String name = null;
        List<InetAddress> addresses;
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        } else {
            name = HostNames.normalName(url.host());
            if (name == null) {
                return Target.refused(QueryOutcome.URL_REFUSED, "not queried: '" + url.host() + "' is not a host name");
            }
            ResponderPolicy.Decision byName = policy.checkName(name);
            if (!byName.allowed()) {
                return Target.refused(QueryOutcome.POLICY_REFUSED, "refused by responder policy: " + byName.reason());
            }
            Resolver.Resolution r;
            try {
                r = resolver.resolve(name, timeout, deadline);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new CancellationException("responder lookup of " + name + " interrupted");
            }
            switch (r.outcome()) {
                case OK -> addresses = r.addresses();
                case INTERNAL_ERROR -> {
                    return Target.refused(QueryOutcome.INTERNAL_ERROR, "internal error in staplescan: " + r.error());
                }
                default -> {
                    return Target.refused(
                            QueryOutcome.CONNECT_FAILED, "the responder's name does not resolve: " + r.error());
                }
            }
        }
        ResponderPolicy.Decision decision = policy.check(name, addresses);
        if (!decision.allowed()) {
            return Target.refused(QueryOutcome.POLICY_REFUSED, "refused by responder policy: " + decision.reason());
        }
        return new Target(addresses.get(0), null, null);
    }

    @Override
    public void close() {
        resolver.close();
    }
}
