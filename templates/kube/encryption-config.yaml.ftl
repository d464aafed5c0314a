# Managed by provisioner. The first provider's first key encrypts; every key listed decrypts
# (rotation: docs/security-cluster.md). identity last: Secrets written before encryption stay readable.
apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
<#list providers as p>
      - ${p.type}:
          keys:
<#list p.keys as k>
            - name: ${k.name}
              secret: ${k.secret}
</#list>
</#list>
      - identity: {}
