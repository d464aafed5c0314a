{
  "cluster": ${json(cluster)},
  "host": ${json(host)},
  "peers": [<#list peers as p>${json(p)}<#sep>, </#sep></#list>],
  "port": ${port}
}
