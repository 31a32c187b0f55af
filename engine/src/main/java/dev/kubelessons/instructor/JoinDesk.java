package dev.kubelessons.instructor;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Attendee self-service ({@code instructor serve --join}): the board shows a join code; an attendee who gives it and a new
 * name gets that name provisioned exactly as {@code instructor provision} does, and their kubeconfig's text once (it is never
 * stored or logged here). One kubeconfig per name; attempts are rate-limited per client address; a code lives
 * {@link #CODE_LIFETIME}, and the instructor can issue a new one from the board.
 */
public final class JoinDesk {

    /** A workshop's arrival: long enough for latecomers of the first session, short enough that a code seen on a slide goes stale. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(60);
    /** The attendees' tokens, as {@code instructor provision}'s default {@code --token-ttl}. */
    public static final Duration TOKEN_TTL = Duration.ofHours(2);
    /** Attempts per client address and minute: plenty for typos, too few to guess a code among 30^8. */
    static final int ATTEMPTS_PER_MINUTE = 10;
    /** No 0/O, 1/I/L or U: read off a projector and typed without mistakes. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    /** Names that would read as the workshop's own, or Kubernetes' own, on the board and in namespace lists. */
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "instructor", "teacher", "system", "default",
            "kubelessons", "board", "cluster", "rehearsal", "everyone", "all");
    private static final List<String> RESERVED_PREFIXES = List.of("kube-", "system-", "kl-");

    /** A join code and the moment it stops working. */
    public record Code(String value, Instant expiresAt) {
    }

    /** What a joined attendee gets: the kubeconfig's text, its context and the first lesson to run. */
    public record Joined(String attendee, String kubeconfig, String context, String firstLesson) {
    }

    /** A join refused, with the HTTP status and the sentence the attendee reads (their next step included). */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final long retryAfter;

        Refused(int status, String message) {
            this(status, message, 0);
        }

        Refused(int status, String message, long retryAfter) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        /** Seconds, for a 429's Retry-After; 0 otherwise. */
        public long retryAfter() {
            return retryAfter;
        }
    }

    private final KubernetesClient admin;
    private final Provisioner provisioner;
    private final List<Lesson> lessons;
    private final Board board;
    private final Clock clock;
    private final PrintWriter log;
    private final SecureRandom random = new SecureRandom();
    private final JoinRateLimit limit;
    private final Set<String> claimed = new HashSet<>();
    private final NetworkFence network;
    private volatile Code code;

    /** Prepares the cluster (fence, admission guards) once, as {@code provision} does, and issues the first code. */
    public JoinDesk(KubernetesClient admin, Provisioner provisioner, List<Lesson> lessons, Board board, Clock clock, PrintWriter log) {
        this.admin = admin;
        this.provisioner = provisioner;
        this.lessons = List.copyOf(lessons);
        this.board = board;
        this.clock = clock;
        this.log = log;
        this.limit = new JoinRateLimit(ATTEMPTS_PER_MINUTE, Duration.ofMinutes(1), clock);
        synchronized (log) {
            this.network = provisioner.prepareCluster(lessons, log);
        }
        renew();
    }

    public Code code() {
        return code;
    }

    /** A new code; the old one stops working at once. */
    public Code renew() {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            value.append(i == 4 ? "-" : "").append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        code = new Code(value.toString(), clock.instant().plus(CODE_LIFETIME));
        return code;
    }

    /** Provisions {@code name} for the attendee at {@code client}, or throws {@link Refused} saying why not. */
    public Joined join(String client, String givenCode, String givenName) {
        if (!limit.allow(client)) {
            long wait = limit.retryAfterSeconds(client);
            throw new Refused(429, "Too many join attempts from your address: try again in " + wait + " s.", wait);
        }
        Code current = code;
        if (!matches(current.value(), givenCode)) {
            throw new Refused(403, "That is not this workshop's join code: check it on the instructor's board (letters and digits, e.g. ABCD-2345).");
        }
        if (!clock.instant().isBefore(current.expiresAt())) {
            throw new Refused(403, "This join code has expired: ask the instructor for the new one on the board.");
        }
        String name = givenName == null ? "" : givenName.strip();
        validate(name);
        claim(name);
        try {
            String kubeconfig = provisioner.provisionOne(name, lessons, network, TOKEN_TTL, log);
            synchronized (log) {
                // The name and the address only: the kubeconfig carries a token, which goes to the attendee and nowhere else.
                log.println("join: " + name + " joined from " + client + " (kubeconfig sent, token valid " + TOKEN_TTL.toHours() + " h)");
                log.flush();
            }
            return new Joined(name, kubeconfig, AttendeeKubeconfig.contextOf(name), lessons.isEmpty() ? "" : lessons.get(0).id());
        } catch (RuntimeException e) {
            synchronized (log) {
                log.println("join: provisioning " + name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                log.flush();
            }
            // The name stays taken: some of its namespaces may exist; the attendee picks another.
            throw new Refused(503, "The workshop could not set up '" + name + "' just now: try another name, or ask the instructor.");
        }
    }

    private void validate(String name) {
        if (name.isEmpty()) {
            throw new Refused(400, "Give a name: lower-case letters, digits and '-', e.g. ana or team-3.");
        }
        if (RESERVED.contains(name) || RESERVED_PREFIXES.stream().anyMatch(name::startsWith)) {
            throw new Refused(400, "The name '" + name + "' is reserved for the workshop itself: choose another, e.g. your first name.");
        }
        try {
            AttendeeName.validate(List.of(name), lessons.stream().map(Lesson::id).toList());
        } catch (UserInputException e) {
            throw new Refused(400, capitalised(e.getMessage()) + ": " + e.nextStep() + ".");
        }
    }

    /** One kubeconfig per name: a name on the board, on the cluster, or being joined right now is taken. */
    private void claim(String name) {
        synchronized (claimed) {
            boolean taken = claimed.contains(name) || board.hasAttendee(name)
                    || admin.namespaces().withName(WorkshopNames.home(name)).get() != null;
            if (taken) {
                throw new Refused(409, "The name '" + name + "' is taken: someone joined with it already, and each name gets one"
                        + " kubeconfig. Choose another name; if it is yours and you lost the file, ask the instructor.");
            }
            claimed.add(name);
        }
    }

    private static boolean matches(String expected, String given) {
        String normal = given == null ? "" : given.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        // Constant time: the comparison tells nothing of how much of a guess was right.
        return MessageDigest.isEqual(expected.replace("-", "").getBytes(StandardCharsets.UTF_8), normal.getBytes(StandardCharsets.UTF_8));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
