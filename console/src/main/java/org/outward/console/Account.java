package org.outward.console;

/**
 * One console user as the users file holds it.
 *
 * @param name         the sign-in name
 * @param role         admin or DPO
 * @param passwordHash the Argon2id hash of the password ({@link PasswordHash}), never the password
 * @param totpSecret   the TOTP secret in Base32, as authenticator apps take it
 */
public record Account(String name, Role role, String passwordHash, String totpSecret) {

    public Account {
        if (!name.matches("[A-Za-z0-9._@+-]{1,254}")) {
            throw new IllegalArgumentException("a user name is 1 to 254 letters, digits or . _ @ + -");
        }
    }

    /**
     * Someone an OpenID provider vouched for: named by their verified e-mail address, with the role the mapping
     * gives; no password or TOTP secret of the console's.
     */
    public static Account signedInElsewhere(String address, Role role) {
        return new Account(address, role, "", "");
    }

    @Override
    public String toString() {
        return "Account[" + name + ", " + role.word() + "]";
    }
}
