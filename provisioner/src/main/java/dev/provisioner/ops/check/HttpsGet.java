package dev.provisioner.ops.check;

import static dev.provisioner.ops.check.ProbeScripts.q;

/** {@code GET} over TLS with a client certificate, trusting a CA: the script line and the reading of its result. */
final class HttpsGet {
    private HttpsGet() {
    }

    /** curl printing the body, then {@code http=CODE}. */
    static String script(String ca, String cert, String key, String url) {
        return "curl -sS --max-time 5 --cacert " + q(ca) + " --cert " + q(cert)
                + " --key " + q(key) + " -w '\\nhttp=%{http_code}\\n' " + q(url) + " 2>&1\n";
    }

    /** OK with the body's last line on HTTP 200, else failed naming the code (or curl's error) and what was probed. */
    static ProbeResult result(String probe, String host, String url, String described, ProbeOutput output) {
        String code = output.value("http").orElse("");
        String body = output.lines().stream().filter(l -> !l.startsWith("http=")).reduce((a, b) -> b).orElse("");
        if (output.ok() && code.equals("200")) {
            return ProbeResult.ok(probe, host, "GET " + url + ": 200 " + body);
        }
        String why = code.isEmpty() || code.equals("000") ? output.tail(2) : "HTTP " + code + ": " + output.tail(3);
        return ProbeResult.failed(probe, host, why + " (" + described + ")");
    }
}
