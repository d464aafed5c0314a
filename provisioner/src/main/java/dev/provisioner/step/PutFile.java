package dev.provisioner.step;

import java.util.List;

/**
 * Write a file whose content, mode or ownership differs from what the host has.
 *
 * @param file    the desired file
 * @param diff    unified diff from the current content ("" for sensitive files or when only metadata changed)
 * @param reasons why: "absent", "content differs", "mode 0600 -> 0644", ...
 */
public record PutFile(DesiredFile file, String diff, List<String> reasons) implements Action {
    public PutFile {
        reasons = List.copyOf(reasons);
    }

    public String path() {
        return file.path();
    }

    @Override
    public String describe() {
        return "write " + file.path() + " (" + String.join(", ", reasons) + ")";
    }

    @Override
    public Stage stage() {
        return Stage.FILES;
    }
}
