package dev.kubelessons.instructor;

import dev.kubelessons.failure.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PEM blocks of one file ("-----BEGIN label-----", base64, "-----END label-----"); a file that is not there or not PEM is bad input, named. */
final class PemFile {

    /** One block: its label (CERTIFICATE, PRIVATE KEY, ...) and its DER bytes. */
    record Block(String label, byte[] der) {
    }

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemFile() {
    }

    /** Every block, in file order; {@code what} ("TLS certificate", "TLS key") names the file's role in errors. */
    static List<Block> read(Path file, String what, String next) {
        String text;
        try {
            // Latin-1 decodes any byte: a binary (DER) file then fails as "not PEM" rather than as an encoding error.
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new UserInputException("the " + what + " file " + file + " does not exist", next);
        } catch (AccessDeniedException e) {
            throw new UserInputException("cannot read the " + what + " file " + file + ": permission denied", next);
        } catch (IOException e) {
            throw new UserInputException("cannot read the " + what + " file " + file + ": " + e.getMessage(), next);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String body = matcher.group(2);
            if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
                throw new UserInputException("the " + what + " file " + file + " is encrypted; the board needs it unencrypted",
                        "decrypt it once: openssl pkey -in " + file + " -out board-key.pem");
            }
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(body.strip())));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("the " + what + " file " + file + " has a " + matcher.group(1) + " block that is not base64", next);
            }
        }
        if (blocks.isEmpty()) {
            throw new UserInputException("the " + what + " file " + file + " is not PEM (no -----BEGIN ...----- block)", next);
        }
        return blocks;
    }
}
