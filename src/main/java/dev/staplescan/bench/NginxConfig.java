package dev.staplescan.bench;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/** The benchmark nginx's configuration file, as text. Every path is absolute, under the prefix. */
final class NginxConfig {

    /** Connections each worker serves at once, on top of its listening sockets (which also take slots). */
    private static final int CONNECTIONS = 4096;

    private NginxConfig() {}

    static String render(
            Path prefix, List<InetAddress> addresses, int port, InetAddress statusAddress, int workers, BenchPki pki) {
        Path p = prefix.toAbsolutePath();
        int connections = addresses.size() + CONNECTIONS;
        StringBuilder c = new StringBuilder();
        c.append("# Written by bin/benchmark --server nginx; deleted with its work directory.\n");
        c.append("daemon off;\nmaster_process on;\n");
        // As root, nginx would hand its workers to "nobody"; the benchmark runs everything as one user.
        if ("root".equals(System.getProperty("user.name"))) {
            c.append("user root;\n");
        }
        c.append("worker_processes ").append(workers).append(";\n");
        c.append("worker_rlimit_nofile ").append(2 * connections + 64).append(";\n");
        c.append("pid ").append(p.resolve("nginx.pid")).append(";\n");
        c.append("error_log ").append(p.resolve("logs/error.log")).append(" warn;\n");
        c.append("events {\n    worker_connections ").append(connections).append(";\n}\n");
        c.append("http {\n");
        // No HTTP requests reach the TLS server (clients only handshake): nothing to log.
        c.append("    access_log off;\n");
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            c.append("    ")
                    .append(temp)
                    .append("_temp_path ")
                    .append(p.resolve("tmp/" + temp))
                    .append(";\n");
        }
        c.append("    server {\n");
        for (InetAddress a : addresses) {
            c.append("        listen ")
                    .append(a.getHostAddress())
                    .append(':')
                    .append(port)
                    .append(" ssl;\n");
        }
        c.append("        server_name *.").append(BenchPki.DOMAIN).append(";\n");
        c.append("        ssl_certificate ")
                .append(pki.chainPem().toAbsolutePath())
                .append(";\n");
        c.append("        ssl_certificate_key ")
                .append(pki.keyPem().toAbsolutePath())
                .append(";\n");
        c.append("        ssl_protocols TLSv1.2 TLSv1.3;\n");
        // The pre-fetched response: stapled from the first handshake on, and never fetched by nginx.
        c.append("        ssl_stapling on;\n");
        c.append("        ssl_stapling_file ")
                .append(pki.stapleDer().toAbsolutePath())
                .append(";\n");
        c.append("        location / {\n            return 204;\n        }\n");
        c.append("    }\n");
        c.append("    server {\n");
        c.append("        listen ")
                .append(statusAddress.getHostAddress())
                .append(':')
                .append(port)
                .append(";\n");
        // One keep-alive connection serves every poll of AcceptWatch.
        c.append("        keepalive_requests 100000000;\n        keepalive_timeout 3600s;\n");
        c.append("        location = /status {\n            stub_status;\n        }\n");
        c.append("    }\n");
        c.append("}\n");
        return c.toString();
    }
}
