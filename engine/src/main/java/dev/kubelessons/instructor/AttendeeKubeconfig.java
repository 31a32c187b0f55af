package dev.kubelessons.instructor;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.runner.AtomicFile;
import dev.kubelessons.runner.WorkshopSandbox;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes {@code <attendee>.kubeconfig}: the shared cluster's address and CA, a short-lived ServiceAccount token, the home namespace. */
public final class AttendeeKubeconfig {

    /** The API server's minimum for TokenRequest expirationSeconds. */
    private static final Duration MIN_TTL = Duration.ofMinutes(10);
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

    private final KubernetesClient admin;
    private final Config cluster;

    public AttendeeKubeconfig(KubernetesClient admin, Config cluster) {
        this.admin = admin;
        this.cluster = cluster;
    }

    /** Parses 90m, 2h, 1d, 3600s. */
    public static Duration parseTtl(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserInputException("--token-ttl '" + text + "' is not a duration", "write e.g. 90m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        Duration ttl = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new UserInputException("--token-ttl " + text + " is shorter than the API server's minimum of 10m", "use 10m or more");
        }
        return ttl;
    }

    /** Requests a token (never logged) and writes the file atomically, readable by its owner only. */
    public Path write(String attendee, Path dir, Duration ttl) {
        Path file = dir.resolve(attendee + ".kubeconfig");
        AtomicFile.write(file, create(attendee, ttl));
        restrict(file);
        return file;
    }

    /** Requests a token (never logged) and returns the kubeconfig's text, for an attendee who downloads it from the board's /join. */
    public String create(String attendee, Duration ttl) {
        TokenRequest request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(ttl.toSeconds()).endSpec().build();
        String token = admin.serviceAccounts().inNamespace(WorkshopNames.home(attendee)).withName(WorkshopNames.SERVICE_ACCOUNT)
                .tokenRequest(request).getStatus().getToken();
        return render(attendee, token);
    }

    /** The kubeconfig's context (and current context) for the attendee: what {@code --cluster context:NAME} names. */
    public static String contextOf(String attendee) {
        return WorkshopNames.home(attendee);
    }

    String render(String attendee, String token) {
        String context = contextOf(attendee);
        String trust = caData() != null ? "    certificate-authority-data: " + caData() + "\n"
                : cluster.isTrustCerts() ? "    insecure-skip-tls-verify: true\n" : "";
        return """
                apiVersion: v1
                kind: Config
                # kubelessons workshop: attendee %1$s. The token expires; ask the instructor for a new file.
                clusters:
                - name: %6$s
                  cluster:
                    server: "%2$s"
                %3$s\
                users:
                - name: %1$s
                  user:
                    token: "%4$s"
                contexts:
                - name: %5$s
                  context:
                    cluster: %6$s
                    user: %1$s
                    namespace: %5$s
                current-context: %5$s
                """.formatted(attendee, cluster.getMasterUrl(), trust, token, context, WorkshopSandbox.WORKSHOP_CLUSTER);
    }

    private String caData() {
        if (cluster.getCaCertData() != null && !cluster.getCaCertData().isBlank()) {
            return cluster.getCaCertData();
        }
        if (cluster.getCaCertFile() != null) {
            try {
                return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(cluster.getCaCertFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cluster's CA file " + cluster.getCaCertFile(), e);
            }
        }
        return null;
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the folder's own permissions apply.
        }
    }
}
