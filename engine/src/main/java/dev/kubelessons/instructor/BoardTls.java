package dev.kubelessons.instructor;

import dev.kubelessons.failure.UserInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The board's TLS identity from two PEM files, as openssl, cert-manager or a company CA hand them out: the certificate
 * (chain, leaf first) and its unencrypted private key (PKCS#8, or PKCS#1 "RSA PRIVATE KEY"). JDK only, no extra library.
 */
public final class BoardTls {

    static final String NEXT = "give the PEM certificate and its unencrypted key, e.g. a self-signed pair: openssl req -x509 -newkey rsa:2048"
            + " -nodes -days 7 -keyout board-key.pem -out board-cert.pem -subj /CN=board -addext subjectAltName=IP:<board address>";
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }: what turns a PKCS#1 RSA key into PKCS#8. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final Map<String, String> SIGNATURES = Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "Ed25519", "Ed25519",
            "EdDSA", "Ed25519", "Ed448", "Ed448");

    private BoardTls() {
    }

    /** A server SSLContext, or bad input (exit 2) naming the file at fault. */
    public static SSLContext load(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(chain.get(0), key)) {
            throw new UserInputException("the key in " + keyFile + " does not belong to the certificate in " + certFile
                    + " (" + chain.get(0).getSubjectX500Principal().getName() + ")", "pass the key the certificate was issued for");
        }
        try {
            // An in-memory store only, to hand the pair to the JDK's key manager: its password protects nothing on disk.
            char[] password = "kubelessons-board".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("board", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new UserInputException("cannot serve TLS with " + certFile + " and " + keyFile + ": " + e.getMessage(), NEXT);
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        for (PemFile.Block block : PemFile.read(file, "TLS certificate", NEXT)) {
            if (block.label().equals("CERTIFICATE")) {
                try {
                    chain.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(block.der())));
                } catch (GeneralSecurityException e) {
                    throw new UserInputException("the TLS certificate file " + file + " has a certificate the JDK cannot read: " + e.getMessage(), NEXT);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new UserInputException("the TLS certificate file " + file + " holds no -----BEGIN CERTIFICATE----- block", NEXT);
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        for (PemFile.Block block : PemFile.read(file, "TLS key", NEXT)) {
            switch (block.label()) {
                case "PRIVATE KEY":
                    return pkcs8(block.der(), file);
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapRsa(block.der()), file);
                case "ENCRYPTED PRIVATE KEY":
                    throw new UserInputException("the TLS key file " + file + " is encrypted; the board needs it unencrypted",
                            "decrypt it once: openssl pkey -in " + file + " -out board-key.pem");
                case "EC PRIVATE KEY":
                    throw new UserInputException("the TLS key file " + file + " holds an EC key in the SEC1 format; the board reads PKCS#8",
                            "convert it once: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out board-key.pem");
                default:
                    break;
            }
        }
        throw new UserInputException("the TLS key file " + file + " holds no -----BEGIN PRIVATE KEY----- block", NEXT);
    }

    /** PKCS#8 names its algorithm inside; the JDK wants it named up front, so each is tried. */
    private static PrivateKey pkcs8(byte[] der, Path file) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // Not this algorithm: try the next.
            }
        }
        throw new UserInputException("the TLS key file " + file + " holds a private key the JDK cannot read (RSA, EC and Ed25519 are supported)", NEXT);
    }

    /** PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING pkcs1 }. */
    private static byte[] wrapRsa(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(0x30);
        info.writeBytes(length(body.size()));
        info.writeBytes(body.toByteArray());
        return info.toByteArray();
    }

    /** A DER length: short form below 128, else 0x80 + the number of big-endian bytes that follow. */
    private static byte[] length(int n) {
        if (n < 128) {
            return new byte[] {(byte) n};
        }
        int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
        byte[] out = new byte[bytes + 1];
        out[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            out[bytes - i] = (byte) (n >>> (8 * i));
        }
        return out;
    }

    /** Signs with the key and verifies with the certificate: a mismatched pair would otherwise fail only at the first handshake. */
    private static boolean belongTogether(X509Certificate certificate, PrivateKey key) {
        String algorithm = SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null || !certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
            return algorithm == null;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
