package com.mimeeqportal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Whether this instance is one of several (cluster mode, {@code portal.cluster.enabled}) and its name among them.
 * In cluster mode the start connects {@link ClusterBus} to Payara Micro's data grid and fails, saying why, when
 * there is none. Sessions need nothing from here: Payara keeps a {@code <distributable/>} application's sessions
 * in the grid whenever it runs.
 */
@ApplicationScoped
public class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    private final PortalConfig config;
    private final ClusterBus bus;
    private final String self;

    @Inject
    public Cluster(PortalConfig config, ClusterBus bus) {
        this.config = config;
        this.bus = bus;
        this.self = memberName(config.listeningPort());
    }

    protected Cluster() {
        this.config = null;
        this.bus = null;
        this.self = null;
    }

    /** This instance's name in leases and logs: host, HTTP port and a random part that is new at every start. */
    public String self() {
        return self;
    }

    public boolean enabled() {
        return config.clusterEnabled();
    }

    /**
     * Joins the other instances (cluster mode) or checks that there are none to join. Returns the line for the
     * start-up banner.
     */
    public String start() {
        if (!config.clusterEnabled()) {
            int members = GridTransport.members();
            if (members > 1) {
                LOG.warning(() -> "Payara's data grid has " + members + " members but portal.cluster.enabled is false: "
                        + "this instance keeps its caches and limits to itself. Set portal.cluster.enabled=true on "
                        + "every instance, or start Payara Micro with --nohazelcast (docs/clustering.md).");
            }
            return "single instance";
        }
        if (!GridTransport.connect(bus)) {
            throw new IllegalStateException("portal.cluster.enabled is true, but Payara Micro's data grid is not "
                    + "running (was it started with --nohazelcast?). Start every instance with --clustername, "
                    + "--clustermode tcpip:<members> and --interfaces instead, as docs/clustering.md shows, or set "
                    + "portal.cluster.enabled=false for a single instance.");
        }
        return "cluster member " + self + ", " + GridTransport.members() + " members in the data grid now";
    }

    private static String memberName(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + port + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
