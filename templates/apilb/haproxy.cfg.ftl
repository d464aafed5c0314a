# Managed by provisioner. The node-local load balancer in front of every master's API server: TLS passes
# through (mode tcp), so the API server still sees the client certificate. Each master is health-checked
# with GET /readyz over TLS, its certificate verified against the cluster CA, as a client certificate of
# its own (no group: it may read only the health endpoints). A master that fails two checks is taken out
# and its connections closed; a connection refused by one master is retried on another (redispatch).
global
  log /dev/log local0 warning
  chroot /var/lib/haproxy
  user haproxy
  group haproxy
  daemon
  maxconn 4000

defaults
  log global
  mode tcp
  option tcplog
  option dontlognull
  option redispatch
  retries 3
  timeout connect 5s
  timeout client 1h
  timeout server 1h
  timeout check 5s

frontend kube-apiserver
  bind ${bind}
  default_backend kube-apiservers

backend kube-apiservers
  balance leastconn
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 5s downinter 5s fall 2 rise 2 on-marked-down shutdown-sessions check check-ssl verify required ca-file ${caFile} verifyhost ${verifyHost} crt ${checkPem}
<#list servers as s>
  server ${s.name} ${s.address}
</#list>
