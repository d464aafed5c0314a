# BEGIN provisioner managed block (cluster ${cluster}); edits inside are replaced on the next apply
<#list hosts as h>
${h.address}	${h.name}
</#list>
# END provisioner managed block
