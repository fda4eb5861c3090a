package app.lantern.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one-time secret a citizen needs, with the receipt code, to look up a dossier. Only a salted
 * hash is stored (the receipt code is the salt); the secret itself is shown once, in the receipt.
 */
public final class LookupSecrets {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LookupSecrets() {
    }

    /** A new secret: 10 characters without look-alikes (0/O, 1/I). */
    public static String newSecret() {
        char[] chars = new char[10];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    public static String hash(String receiptCode, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((receiptCode + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String receiptCode, String secret, String storedHash) {
        return storedHash != null && secret != null
                && MessageDigest.isEqual(hash(receiptCode, secret).getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8));
    }
}
