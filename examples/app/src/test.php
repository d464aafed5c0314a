<?php
// The 2018 recipe's page: which pod answered? Behind a NodePort Service, repeated requests
// land on different pods once the Deployment has two replicas.
echo "Server IP address: " . $_SERVER['SERVER_ADDR'] . "\n";
