apiVersion: v1
kind: Config
clusters:
  - name: ${yaml(cluster)}
    cluster:
      certificate-authority-data: ${caData}
      server: ${yaml(server)}
users:
  - name: ${yaml(user)}
    user:
      client-certificate-data: ${certData}
      client-key-data: ${keyData}
contexts:
  - name: ${yaml(user + "@" + cluster)}
    context:
      cluster: ${yaml(cluster)}
      user: ${yaml(user)}
current-context: ${yaml(user + "@" + cluster)}
