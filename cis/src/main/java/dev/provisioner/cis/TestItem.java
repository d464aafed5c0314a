package dev.provisioner.cis;

/**
 * One kube-bench test item: look up {@code flag} on the command line, then (if not found) the
 * config file at {@code path}, then the environment variable {@code env}; with {@code set} false the
 * item passes when nothing is found, otherwise it passes when found and (if {@code op} is given) the
 * value compares true.
 *
 * @param flag  command-line flag, e.g. {@code --anonymous-auth}, or a feature gate name
 * @param path  kube-bench jsonpath into the component's config file, or null
 * @param env   environment variable (etcd's {@code ETCD_*}), or null
 * @param set   whether the setting must be present
 * @param op    kube-bench compare operation ({@code eq}, {@code has}, ...), or null for presence only
 * @param value the compare value, or null
 */
record TestItem(String flag, String path, String env, boolean set, String op, String value) {

    TestItem {
        if (op != null) {
            CompareOp.requireKnown(op);
        }
        if (path != null) {
            ConfigPath.parse(path);
        }
    }

    /** What the item wants, for reports: {@code --profiling == false}, {@code --token-auth-file not set}. */
    String describe() {
        String name = flag + (path != null ? " (or config " + ConfigPath.parse(path).display() + ")" : "")
                + (env != null ? " (or " + env + ")" : "");
        if (!set) {
            return name + " not set";
        }
        return op == null ? name + " set" : name + " " + CompareOp.describe(op, value);
    }
}
