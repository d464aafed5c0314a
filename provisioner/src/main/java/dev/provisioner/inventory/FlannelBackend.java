package dev.provisioner.inventory;

/** Flannel's backend; written {@code vxlan} (default, recommended upstream) or {@code host-gw}. */
public enum FlannelBackend {
    VXLAN, HOST_GW;

    /** The name flannel expects in its network config ({@code "Backend":{"Type":...}}). */
    public String flannelType() {
        return this == VXLAN ? "vxlan" : "host-gw";
    }
}
