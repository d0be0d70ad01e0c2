package dev.staplescan.lab;

import dev.staplescan.check.Verdict;
import dev.staplescan.lab.pki.CertificateAuthority;
import dev.staplescan.lab.pki.Pem;
import dev.staplescan.scan.TlsVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lab test fleet (SPEC §9): one CA hierarchy (root and intermediate) built at start, one OCSP
 * responder, and one loopback endpoint per scenario, plus optional benchmark endpoints. Runs as an
 * ordinary user, binds only 127.0.0.0/8 with ephemeral ports, and {@link #close()} frees them all.
 */
public final class Fleet implements AutoCloseable {

    /**
     * Benchmark endpoints share this name and one certificate and staple; with certificates of their
     * own, each server's name is a label under it ({@code s7.bench...}).
     */
    public static final String BENCH_SNI = "bench." + Scenario.DOMAIN;
    /**
     * The host of the UNRESOLVABLE endpoint: {@code .invalid} never resolves (RFC 6761 section 6.4),
     * so the scanner's own resolver says so at once, without any public query being answered.
     */
    public static final String UNRESOLVABLE_HOST = "unresolvable.invalid";
    /** The port written for the UNRESOLVABLE endpoint; nothing is ever reached there. */
    static final int UNRESOLVABLE_PORT = 443;

    private final CertificateAuthority root;
    private final OcspResponder responder;
    /** Further servers scenarios need (the slow responder), closed with the fleet. */
    private final List<OcspResponder> extras = new ArrayList<>();

    private final List<TlsEndpoint> servers = new ArrayList<>();
    /** Listeners that never accept (FULL_BACKLOG), closed with the fleet. */
    private final List<FullBacklog> backlogs = new ArrayList<>();
    /** The server behind each endpoint, by {@code address:port}; absent for CLOSED_PORT. */
    private final Map<String, TlsEndpoint> serverByEndpoint = new HashMap<>();

    private final List<FleetEndpoint> endpoints = new ArrayList<>();
    private int scenarioCount;

    private Fleet(CertificateAuthority root, OcspResponder responder) {
        this.root = root;
        this.responder = responder;
    }

    /** Starts one endpoint per scenario (duplicates are started once), in the given order. */
    public static Fleet start(Collection<Scenario> scenarios) {
        return start(scenarios, 0, Duration.ZERO);
    }

    /**
     * Starts the scenarios plus {@code extraGoodEndpoints} GOOD endpoints named {@link #BENCH_SNI},
     * for benchmarks. {@code artificialDelay} is added before every handshake and every responder
     * answer, to imitate internet round trips.
     */
    public static Fleet start(Collection<Scenario> scenarios, int extraGoodEndpoints, Duration artificialDelay) {
        return start(scenarios, extraGoodEndpoints, artificialDelay, false);
    }

    /**
     * As {@link #start(Collection, int, Duration)}; with {@code ownCertificates}, each benchmark server
     * has a certificate (and staple) of its own, named {@code s<i>.}{@link #BENCH_SNI} with a wildcard
     * under it, as a fleet of unrelated sites would: the benchmark measures storage without sharing.
     */
    public static Fleet start(
            Collection<Scenario> scenarios, int extraGoodEndpoints, Duration artificialDelay, boolean ownCertificates) {
        CertificateAuthority root = CertificateAuthority.root("staplescan lab root");
        CertificateAuthority intermediate = root.intermediate("staplescan lab issuing CA");
        OcspRegistry registry = new OcspRegistry();
        registry.addIssuer(intermediate);
        Fleet fleet = new Fleet(root, OcspResponder.start(registry, artificialDelay));
        try {
            fleet.populate(
                    new LinkedHashSet<>(scenarios), extraGoodEndpoints, artificialDelay, ownCertificates, intermediate);
            return fleet;
        } catch (RuntimeException e) {
            // Half-started fleets must not leak sockets to the caller, who never gets a handle.
            fleet.close();
            throw e;
        }
    }

    private void populate(
            Set<Scenario> scenarios, int extra, Duration delay, boolean ownCertificates, CertificateAuthority ca) {
        LoopbackAddresses addresses = new LoopbackAddresses();
        ScenarioSetups setups = new ScenarioSetups(ca, responder, addresses, extras::add);
        for (Scenario scenario : scenarios) {
            InetAddress address = addresses.next();
            EndpointSetup setup = setups.build(scenario);
            String host = address.getHostAddress();
            int port;
            if (setup == null) {
                port = unusedPort(address);
            } else if (setup.mode() == EndpointSetup.Mode.UNRESOLVABLE) {
                host = UNRESOLVABLE_HOST;
                port = UNRESOLVABLE_PORT;
            } else if (setup.mode() == EndpointSetup.Mode.FULL_BACKLOG) {
                FullBacklog backlog = FullBacklog.start(address);
                backlogs.add(backlog);
                port = backlog.port();
            } else {
                port = listen(address, setup, delay).port();
            }
            endpoints.add(new FleetEndpoint(
                    scenario, host, port, scenario.sni(), scenario.expectedVerdict(), scenario.expectedCodes()));
        }
        scenarioCount = endpoints.size();
        EndpointSetup shared = extra > 0 && !ownCertificates ? setups.shared(BENCH_SNI) : null;
        for (int i = 0; i < extra; i++) {
            String name = ownCertificates ? "s" + i + "." + BENCH_SNI : BENCH_SNI;
            EndpointSetup bench = ownCertificates ? setups.shared(name) : shared;
            InetAddress address = addresses.next();
            int port = listen(address, bench, delay).port();
            endpoints.add(new FleetEndpoint(
                    Scenario.GOOD, address.getHostAddress(), port, name, Verdict.PASS, Scenario.GOOD.expectedCodes()));
        }
    }

    private TlsEndpoint listen(InetAddress address, EndpointSetup setup, Duration delay) {
        TlsEndpoint server =
                TlsEndpoint.start(address, 0, setup.withDelay(setup.delay().plus(delay)));
        servers.add(server);
        serverByEndpoint.put(server.address() + ":" + server.port(), server);
        return server;
    }

    /**
     * A port on which nothing listens: bind an ephemeral one and release it. The address belongs to
     * this fleet alone (random 127.X.Y.n), so nothing else is likely to take the port afterwards.
     */
    static int unusedPort(InetAddress address) {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + address.getHostAddress(), e);
        }
    }

    /** Connections accepted so far by all TLS endpoints together (benchmarks and tests watch progress with it). */
    public long connectionsAccepted() {
        return servers.stream().mapToLong(TlsEndpoint::connections).sum();
    }

    /** Every endpoint: scenarios first, in start order, then benchmark endpoints. */
    public List<FleetEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Writes the host list (CSV: host,port,sni,owner,environment,tags) and returns its path. */
    public Path writeHostList(Path csvFile) {
        return HostListWriter.write(csvFile, endpoints, scenarioCount);
    }

    /** Writes the lab root CA as PEM, for {@code scan --trust}, and returns the path. */
    public Path writeTrustBundle(Path pemFile) {
        Pem.write(pemFile, root.certificate());
        return pemFile;
    }

    /**
     * The exact bytes the endpoint staples under a version (when it staples at all, see INTERMITTENT),
     * or {@code null} when it sends none: lets tests compare a scan's captured staple byte for byte.
     */
    public byte[] stapleOf(FleetEndpoint endpoint, TlsVersion version) {
        TlsEndpoint server = serverByEndpoint.get(endpoint.endpoint());
        byte[] staple = server == null ? null : server.setup().staple(version);
        return staple == null ? null : staple.clone();
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    /** The fleet's OCSP responder URL (what the leaves' AIA names). */
    public String responderUrl() {
        return responder.url();
    }

    /** Stops every endpoint and the responder; every socket is closed when this returns. */
    @Override
    public void close() {
        for (TlsEndpoint server : servers) {
            server.close();
        }
        for (FullBacklog backlog : backlogs) {
            backlog.close();
        }
        for (OcspResponder extra : extras) {
            extra.close();
        }
        responder.close();
    }
}
