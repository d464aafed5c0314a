<?php
// Release 2.0 of the page (step 11 of the recipe): the version first, then the pod's address.
echo "v2.0\n";
echo "Server IP address: " . $_SERVER['SERVER_ADDR'] . "\n";
