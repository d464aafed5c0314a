# Managed by provisioner: the API server reaches kubelets (logs, exec, port-forward, metrics) as
# ${apiserverKubeletUser}; the kubelets authorize it through the API (authorization mode Webhook).
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: provisioner:apiserver-kubelet-api-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:kubelet-api-admin
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: User
    name: ${yaml(apiserverKubeletUser)}
---
# rotateCertificates: true (CIS 4.2.10): kubelets renew their own client certificates through CSRs,
# which the controller manager approves and signs (--cluster-signing-*).
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: provisioner:node-client-cert-renewal
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:certificates.k8s.io:certificatesigningrequests:selfnodeclient
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:nodes
