package dev.provisioner.transport.jsch;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;

/**
 * Hands the login password to JSch exactly once per session, to the password method or to a
 * keyboard-interactive password prompt, whichever the server asks first. A refused password is
 * never sent again (lockouts); every other question is declined so nothing waits on a human.
 */
final class PasswordPrompts implements UserInfo, UIKeyboardInteractive {
    private final String password;
    private boolean spent;

    PasswordPrompts(String password) {
        this.password = password;
    }

    private synchronized boolean spend() {
        if (spent || password == null) {
            return false;
        }
        spent = true;
        return true;
    }

    @Override
    public String[] promptKeyboardInteractive(String destination, String name, String instruction,
                                              String[] prompt, boolean[] echo) {
        if (prompt.length == 0) {
            return new String[0];
        }
        if (prompt.length != 1 || echo[0] || !spend()) {
            return null;
        }
        return new String[] {password};
    }

    @Override
    public boolean promptPassword(String message) {
        return spend();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getPassphrase() {
        return null;
    }

    @Override
    public boolean promptPassphrase(String message) {
        return false;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {
        // Host-key and banner messages are reported through our own exceptions and logs.
    }
}
