# Managed by provisioner: the smoke test of `provisioner check --smoke`, applied in its own
# namespace and deleted afterwards. The 2018 recipe (a Deployment from the private registry behind a
# NodePort Service, reached through every node) and "Connecting Applications with Services" (a
# ClusterIP Service resolved by name from a pod), in today's API (apps/v1).
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${yaml(app)}
  labels:
    app: ${yaml(app)}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${yaml(app)}
  template:
    metadata:
      labels:
        app: ${yaml(app)}
    spec:
      containers:
        - name: nginx
          image: ${yaml(image)}
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${yaml(app)}
spec:
  type: ClusterIP
  selector:
    app: ${yaml(app)}
  ports:
    - port: 80
      targetPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${yaml(app + "-np")}
spec:
  type: NodePort
  selector:
    app: ${yaml(app)}
  ports:
    - port: 80
      targetPort: 80
