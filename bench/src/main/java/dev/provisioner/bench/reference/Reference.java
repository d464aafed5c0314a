package dev.provisioner.bench.reference;

/** What the provisioner is compared with. */
public enum Reference {
    /** One fresh OpenSSH connection per host running {@code true}: what no agentless tool can go below. */
    FLOOR("floor", "ssh true"),
    /** {@code bench/expert.sh} over one fresh connection and one bash per host: the floor for the workload itself. */
    EXPERT("expert", "expert script");

    private final String key;
    private final String label;

    Reference(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Lower-case name for CSV columns and files. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
