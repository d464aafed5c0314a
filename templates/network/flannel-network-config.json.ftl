<#-- flannel's network config, stored in etcd at <prefix>/config; one line of JSON (flannel >= 0.18 reads it with the v3 API). -->
{"Network":${json(network)},"SubnetLen":${subnetLen?c},"Backend":{"Type":${json(backend)}}}
