# Managed by provisioner: the group of the admin credential (kubeadm >= 1.29, CIS 5.1.1: avoid system:masters)
# gets cluster-admin. Applied with the break-glass super-admin credential, which alone can create it.
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: kubeadm:cluster-admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: kubeadm:cluster-admins
