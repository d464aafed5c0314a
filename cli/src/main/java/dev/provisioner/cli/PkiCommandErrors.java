package dev.provisioner.cli;

import dev.provisioner.inventory.InventoryException;
import dev.provisioner.pki.PkiException;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * The errors of the commands that work on the local cluster state only (certs, kubeconfig), reported the same
 * way whether or not Main's error handler runs them (tests and embedders call them directly): an invalid
 * inventory with its locations and exit 2, a PKI problem (no CA, an inconsistent store, a file that cannot be
 * written) with its message and exit 1.
 */
final class PkiCommandErrors {
    private PkiCommandErrors() {
    }

    static int run(PrintWriter err, IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (InventoryException e) {
            err.println(e.format());
            return ExitCodes.INVALID_INPUT;
        } catch (PkiException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}
