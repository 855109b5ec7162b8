package com.mimeeqportal.apikey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The operator's command that makes a production install's two keysets, so nobody needs a separate download
 * (Google's Tinkey) for them: {@code ./mvnw -q -Pkeysets -Dkeysets.dir=<directory>} (docs/operations.md). It
 * writes {@code master-keyset.json} and {@code mac-keyset.json} into the directory, owner-only, and never
 * overwrites an existing file. The keysets are exactly what demo mode would generate.
 */
public final class NewKeysets {

    public static final String MASTER_KEYSET = "master-keyset.json";
    public static final String MAC_KEYSET = "mac-keyset.json";

    private NewKeysets() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Exit status: 0 written, 1 refused (a file exists or can't be written), 2 no directory given. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0] == null || args[0].isBlank()) {
            err.println("Usage: ./mvnw -q -Pkeysets -Dkeysets.dir=<directory>  (writes " + MASTER_KEYSET + " and "
                    + MAC_KEYSET + " there, owner-only)");
            return 2;
        }
        Path directory = Path.of(args[0]).toAbsolutePath().normalize();
        try {
            createOwnerOnly(directory);
            Path master = directory.resolve(MASTER_KEYSET);
            Path mac = directory.resolve(MAC_KEYSET);
            MasterKeysets.create(master, mac);
            out.println("Wrote " + master + " and " + mac + " (owner-only).");
            out.println("Point portal.keyset.file (PORTAL_KEYSET_FILE) and portal.mac-keyset.file "
                    + "(PORTAL_MAC_KEYSET_FILE) at them, and back both up away from the database backups.");
            return 0;
        } catch (IllegalStateException | IOException e) {
            err.println("No keysets written: " + e.getMessage());
            return 1;
        }
    }

    private static void createOwnerOnly(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
    }
}
