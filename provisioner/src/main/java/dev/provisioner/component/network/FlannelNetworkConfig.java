package dev.provisioner.component.network;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.PodNetwork;
import dev.provisioner.template.TemplateRenderer;

import java.util.Map;

/**
 * flannel's network config as the inventory describes it: the JSON value and the etcd key
 * {@code <etcdPrefix>/config} flannel reads it from ({@code /coreos.com/network} by default, the 2018
 * recipe's RPMs used {@code /atomic.io/network}). Pure.
 *
 * @param key   the etcd key
 * @param value one line of JSON, e.g. {@code {"Network":"172.30.0.0/16","SubnetLen":24,"Backend":{"Type":"vxlan"}}}
 */
record FlannelNetworkConfig(String key, String value) {
    public static final String TEMPLATE = "network/flannel-network-config.json.ftl";

    public static FlannelNetworkConfig of(Inventory inventory, TemplateRenderer templates) {
        PodNetwork n = inventory.cluster().network();
        String json = templates.render(TEMPLATE, Map.of("network", n.podCidr().toString(), "subnetLen", n.subnetLen(),
                "backend", n.backend().flannelType())).strip();
        return new FlannelNetworkConfig(n.etcdPrefix() + "/config", json);
    }
}
