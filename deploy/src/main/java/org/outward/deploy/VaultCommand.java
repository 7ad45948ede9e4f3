package org.outward.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.outward.audit.AuditTrail;
import org.outward.shared.SharedBackends;
import org.outward.shared.VaultSetting;
import org.outward.vault.AuditEvent;
import org.outward.vault.ItemId;
import org.outward.vault.ItemInfo;
import org.outward.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gateway vault ...}: the admin's tools for the secure-link vault. They show metadata (sender, recipient,
 * file name: personal data, for the admin's eyes) and never content, which the vault cannot decrypt without
 * the recipient's link. Revoking and purging are admin actions in the gateway's audit trail too.
 */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "List, audit, revoke and purge secure-link items.",
        subcommands = {VaultCommand.ListItems.class, VaultCommand.Show.class, VaultCommand.Revoke.class,
                VaultCommand.Purge.class})
final class VaultCommand {

    /** The vault option every subcommand shares. */
    static final class Folder {
        @Option(names = "--vault", paramLabel = "DIR|shared",
                description = "The vault folder (default: ${DEFAULT-VALUE}, as gateway run uses it), or 'shared' for "
                        + "the shared backends named by the OUTWARD_DB_* and OUTWARD_S3_* environment variables.")
        String folder = Path.of("outward-work", "vault").toString();

        Optional<Vault> open(PrintWriter err) throws IOException {
            VaultSetting setting;
            try {
                setting = VaultSetting.parse(folder);
            } catch (IllegalArgumentException e) {
                err.println("gateway: " + e.getMessage());
                err.flush();
                return Optional.empty();
            }
            if (!setting.shared() && !Files.isDirectory(setting.folder())) {
                err.println("gateway: no vault at " + setting.folder());
                err.flush();
                return Optional.empty();
            }
            return Optional.of(setting.open(Clock.systemUTC(), SharedBackends.fromEnvironment()));
        }

        /**
         * Writes an admin's action to the audit trail of the working folder the vault folder is in ({@code WORK/vault}
         * beside {@code WORK/logs}), as the gateway writes its own; a shared vault's actions are in its own trail only.
         */
        void audit(java.util.function.Consumer<AuditTrail> action) {
            VaultSetting setting = VaultSetting.parse(folder);
            if (setting.shared()) {
                return;
            }
            Path work = setting.folder().toAbsolutePath().getParent();
            try (AuditFile file = AuditFile.open(work)) {
                action.accept(AuditTrail.toLog());
            }
        }

        /** The admin, as the operating system knows them: who ran the command. */
        static String admin() {
            return System.getProperty("user.name", "unknown");
        }
    }

    /** Shared parts of the subcommands. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Verbosity verbosity;

        @Mixin
        Folder folder;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        Optional<ItemId> id(String text) {
            if (!ItemId.isValid(text)) {
                err().println("gateway: not an item id (64 hex digits): " + text);
                err().flush();
                return Optional.empty();
            }
            return Optional.of(new ItemId(text));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per item, newest first.")
    static final class ListItems extends Base {
        @Option(names = "--json", description = "One JSON object per item and line: id, state, created, expires "
                + "(ISO-8601 instants), downloads, maxDownloads.")
        boolean json;

        /**
         * One item as {@code vault list --json} prints it: the listing's fields, no sender, recipient nor file name.
         */
        record Listed(String id, String state, String created, String expires, int downloads, int maxDownloads) {
            static Listed of(ItemInfo item, Instant now) {
                return new Listed(item.id().toString(), item.stateAt(now), item.created().toString(),
                        item.expires().toString(), item.downloads(), item.maxDownloads());
            }
        }

        @Override
        public Integer call() throws IOException {
            Optional<Vault> vault = folder.open(err());
            if (vault.isEmpty()) {
                return 1;
            }
            Instant now = Instant.now();
            for (ItemInfo item : vault.get().list()) {
                if (json) {
                    JsonLines.print(out(), Listed.of(item, now));
                    continue;
                }
                out().println(item.id() + "  " + item.stateAt(now) + "  created " + item.created() + "  expires "
                        + item.expires() + "  downloads " + item.downloads() + "/" + item.maxDownloads());
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One item's metadata and audit trail.")
    static final class Show extends Base {
        @Parameters(paramLabel = "ID", description = "The item id, from vault list.")
        String id;

        @Option(names = "--json", description = "One JSON object: id, state, sender, recipient, fileName, mediaType, "
                + "size, created, expires (ISO-8601 instants), downloads, maxDownloads, and audit: a list of at, kind, "
                + "detail, times.")
        boolean json;

        /** One item as {@code vault show --json} prints it: its metadata and audit trail, never its content. */
        record Shown(String id, String state, String sender, String recipient, String fileName, String mediaType,
                     long size, String created, String expires, int downloads, int maxDownloads, List<Event> audit) {

            /** One line of the audit trail; {@code times} counts the same event repeated since. */
            record Event(String at, String kind, String detail, int times) {
            }

            static Shown of(ItemInfo item, Instant now) {
                return new Shown(item.id().toString(), item.stateAt(now), item.sender(), item.recipient(),
                        item.fileName(), item.mediaType(), item.size(), item.created().toString(),
                        item.expires().toString(), item.downloads(), item.maxDownloads(), item.events().stream()
                        .map(e -> new Event(e.at().toString(), e.kind().toString(), e.detail(), e.times())).toList());
            }
        }

        @Override
        public Integer call() throws IOException {
            Optional<Vault> vault = folder.open(err());
            Optional<ItemId> itemId = id(id);
            if (vault.isEmpty() || itemId.isEmpty()) {
                return 1;
            }
            Optional<ItemInfo> found = vault.get().find(itemId.get());
            if (found.isEmpty()) {
                err().println("gateway: no item " + id);
                err().flush();
                return 1;
            }
            ItemInfo item = found.get();
            PrintWriter out = out();
            if (json) {
                JsonLines.print(out, Shown.of(item, Instant.now()));
                return 0;
            }
            out.println("item       " + item.id());
            out.println("state      " + item.stateAt(Instant.now()));
            out.println("sender     " + item.sender());
            out.println("recipient  " + item.recipient());
            out.println("file       " + item.fileName() + " (" + item.mediaType() + ", " + item.size() + " bytes)");
            out.println("created    " + item.created());
            out.println("expires    " + item.expires());
            out.println("downloads  " + item.downloads() + "/" + item.maxDownloads());
            out.println("audit");
            for (AuditEvent event : item.events()) {
                out.println("  " + event.at() + "  " + event.kind() + (event.detail().isEmpty() ? "" : "  " + event.detail())
                        + (event.times() > 1 ? "  (and " + (event.times() - 1) + " more since)" : ""));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Stop an item's link and delete its content now.")
    static final class Revoke extends Base {
        @Parameters(paramLabel = "ID", description = "The item id, from vault list.")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail.")
        String reason = "";

        @Override
        public Integer call() throws IOException {
            Optional<Vault> vault = folder.open(err());
            Optional<ItemId> itemId = id(id);
            if (vault.isEmpty() || itemId.isEmpty()) {
                return 1;
            }
            if (!vault.get().revoke(itemId.get(), "admin")) {
                err().println("gateway: no item " + id);
                err().flush();
                return 1;
            }
            folder.audit(trail -> trail.revoke(Folder.admin(), itemId.get().hex(), "", reason));
            out().println("revoked " + id + "; its content is deleted, its audit trail kept");
            out().flush();
            return 0;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete the content of expired, revoked and used-up items now (the audit trail stays).")
    static final class Purge extends Base {
        @Override
        public Integer call() throws IOException {
            Optional<Vault> vault = folder.open(err());
            if (vault.isEmpty()) {
                return 1;
            }
            int purged = vault.get().purgeExpired();
            folder.audit(trail -> trail.purge(Folder.admin(), purged));
            out().println("purged " + purged + (purged == 1 ? " item" : " items"));
            out().flush();
            return 0;
        }
    }
}
