package io.pqagent.sim.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing the plant's /24 from {@code ip} output, and the names' limits; no root needed. */
class PlantSubnetTest {
    private static Ipv4Prefix prefix(String text) {
        return Ipv4Prefix.parse(text).orElseThrow();
    }

    @Test
    void addressesAndRoutesInUseAreReadFromIpOutput() {
        String addr = """
                1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
                4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\\       valid_lft forever
                9: tun0    inet 10.213.5.7 peer 10.213.5.8/32 scope global tun0
                """;
        String routes = """
                default via 192.0.2.1 dev eth0
                10.214.0.0/16 via 192.0.2.9 dev eth0
                unreachable 10.220.3.0/24
                local 192.0.2.2 dev eth0 table local proto kernel scope host src 192.0.2.2
                broadcast 192.0.2.255 dev eth0 table local proto kernel scope link src 192.0.2.2
                """;
        assertThat(PlantSubnet.inUse(addr, routes)).containsExactly(prefix("127.0.0.0/8"), prefix("192.0.2.0/24"),
                prefix("10.213.5.7/32"), prefix("10.214.0.0/16"), prefix("10.220.3.0/24"), prefix("192.0.2.2"),
                prefix("192.0.2.255"));
        assertThat(PlantSubnet.assigned(addr)).extracting(PlantSubnet.Assigned::device).containsExactly("lo", "eth0", "tun0");
    }

    @Test
    void theFirstFreeSlashTwentyFourSkipsEverythingThatOverlaps() {
        List<Ipv4Prefix> used = List.of(prefix("10.213.7.0/24"), prefix("10.213.8.200/32"), prefix("10.213.0.0/23"));
        assertThat(PlantSubnet.firstFree(used, 7)).contains(prefix("10.213.9.0/24"));
        assertThat(PlantSubnet.firstFree(used, 0)).contains(prefix("10.213.2.0/24"));
        assertThat(PlantSubnet.firstFree(List.of(), 256 * 42 - 1)).as("the last candidate").contains(prefix("10.254.255.0/24"));
        assertThat(PlantSubnet.firstFree(List.of(prefix("10.254.255.0/24")), 256 * 42 - 1)).as("wraps")
                .contains(prefix("10.213.0.0/24"));
        assertThat(PlantSubnet.firstFree(List.of(prefix("10.0.0.0/8")), 0)).isEmpty();
        assertThat(PlantSubnet.firstFree(List.of(prefix("0.0.0.0/1")), 0)).isEmpty();
    }

    @Test
    void prefixesParseStrictlyAndPrintAddresses() {
        assertThat(Ipv4Prefix.parse("10.213.7.99/24")).contains(new Ipv4Prefix(0x0AD50700, 24));
        assertThat(prefix("10.213.7.0/24").address(1)).isEqualTo("10.213.7.1");
        assertThat(prefix("10.213.7.0/24").address(209)).isEqualTo("10.213.7.209");
        assertThat(prefix("255.255.255.255").toString()).isEqualTo("255.255.255.255/32");
        for (String bad : List.of("default", "fe80::1/64", "10.0.0/8", "10.0.0.256", "10.0.0.1/33", "10.0.0.1/", "a.b.c.d", "")) {
            assertThat(Ipv4Prefix.parse(bad)).as(bad).isEmpty();
        }
        assertThat(prefix("10.213.7.0/24").overlaps(prefix("10.213.7.200"))).isTrue();
        assertThat(prefix("10.213.7.0/24").overlaps(prefix("10.213.6.0/24"))).isFalse();
    }

    @Test
    void namesFitLinuxInterfaceNamesAndTellTheirRunner() {
        PlantNames largest = new PlantNames(PlantNames.MAX_PID);
        assertThat(largest.hostVeth(PlantNetwork.MAX_SITES - 1)).isEqualTo("pq400000h199")
                .hasSizeLessThanOrEqualTo(PlantNames.MAX_INTERFACE_NAME);
        assertThat(largest.bridge()).hasSizeLessThanOrEqualTo(PlantNames.MAX_INTERFACE_NAME);
        PlantNames names = new PlantNames(0x1f2a);
        assertThat(PlantNames.namespaceOwner(names.namespace(3))).hasValue(0x1f2a);
        assertThat(PlantNames.bridgeOwner(names.bridge())).hasValue(0x1f2a);
        assertThat(PlantNames.hostVethOwner(names.hostVeth(12))).hasValue(0x1f2a);
        assertThat(PlantNames.namespaceOwner("pqsim-1f2a")).isEmpty();
        assertThat(PlantNames.bridgeOwner("pqbridge")).isEmpty();
        assertThat(PlantNames.hostVethOwner("eth0")).isEmpty();
    }
}
