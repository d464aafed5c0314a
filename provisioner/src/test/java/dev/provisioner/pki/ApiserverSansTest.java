package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names the API server's certificate must carry: every master, the service names and IP, loopback, the API endpoint. */
class ApiserverSansTest {
    @Test
    void aSharedApiEndpointIsANameOfTheApiserver() {
        CertSpec apiserver = apiserver(PkiFixtures.THREE_MASTERS + "  apiEndpoint: {address: K8s-API.example.com}\n");
        assertThat(apiserver.sans()).contains(San.dns("k8s-api.example.com"), San.dns("master2"), San.dns("k8s-master-2.example.net"),
                San.ip("10.4.4.9"), San.dns("kubernetes.default.svc"), San.ip("127.0.0.1"), San.dns("localhost"));
        assertThat(apiserver(PkiFixtures.THREE_MASTERS + "  apiEndpoint: {address: 10.4.4.100}\n").sans()).contains(San.ip("10.4.4.100"));
    }

    @Test
    void withoutOneTheMastersAndServiceNamesAreAll() {
        assertThat(apiserver(PkiFixtures.THREE_MASTERS).sans()).noneMatch(s -> s.value().contains("k8s-api"))
                .doesNotContain(San.ip("10.4.4.100"));
    }

    private static CertSpec apiserver(String yaml) {
        return CertCatalog.leaves(PkiFixtures.inventory(yaml)).stream().filter(s -> s.name().equals(PkiNames.APISERVER))
                .findFirst().orElseThrow();
    }
}
