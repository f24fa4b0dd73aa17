package io.pqagent.sim.scenario;

import io.pqagent.sim.netns.PlantNetwork;
import java.io.IOException;
import java.util.List;

/** The sites in network namespaces of their own ({@link PlantNetwork}): what {@code --netns} asks for. */
final class NamespaceSites implements SiteNetwork {
    private final PlantNetwork network;

    private NamespaceSites(PlantNetwork network) {
        this.network = network;
    }

    static NamespaceSites create(List<String> sites) throws IOException {
        return new NamespaceSites(PlantNetwork.create(sites));
    }

    @Override
    public String hostAddress() {
        return network.hostAddress();
    }

    @Override
    public String siteAddress(String site) {
        return network.address(site);
    }

    @Override
    public List<String> commandPrefix(String site) {
        return network.commandPrefix(site);
    }

    @Override
    public void close() {
        network.close();
    }
}
