package org.polisi.forms.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.polisi.forms.storage.ChainHasher;
import org.polisi.forms.storage.PrivateFiles;

/**
 * The Ed25519 key (RFC 8032, JDK 17's {@code Ed25519}) that signs checkpoints. It lives in files,
 * never in the database: the private key as base64 PKCS#8 ({@code checkpoint-ed25519.key}, mode
 * 0600), the public key as base64 X.509 beside it ({@code .pub}). Made on first use.
 */
public final class CheckpointKey {

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the key pair from the file (and its {@code .pub}), or makes them, owner-only, if absent. */
    public static CheckpointKey loadOrCreate(Path privateFile) {
        Path publicFile = publicFileOf(privateFile);
        try {
            if (!Files.exists(privateFile)) {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                PrivateFiles.writeNew(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                Files.deleteIfExists(publicFile);
                PrivateFiles.writeNew(publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            }
            byte[] encoded = Base64.getDecoder().decode(Files.readString(privateFile, StandardCharsets.US_ASCII).strip());
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new CheckpointKey(privateKey, readPublic(publicFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the checkpoint key " + privateFile, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint key " + privateFile + " is not an Ed25519 key", e);
        }
    }

    /** The public key file that goes with a private key file. */
    public static Path publicFileOf(Path privateFile) {
        return privateFile.resolveSibling(privateFile.getFileName() + ".pub");
    }

    /** A public key from a file of base64 X.509 (the {@code .pub} file, or a copy filed elsewhere). */
    public static PublicKey readPublic(Path file) {
        try {
            byte[] encoded = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not an Ed25519 public key (base64 X.509)", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** SHA-256 of the public key's X.509 encoding, hex: short enough to print and compare by eye. */
    public static String fingerprint(PublicKey key) {
        return ChainHasher.sha256(Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    /** The checkpoint with its key fingerprint set and signed. */
    public Checkpoint sign(Checkpoint unsigned) {
        Checkpoint withKey = new Checkpoint(unsigned.number(), unsigned.time(), unsigned.previous(), unsigned.reason(),
                fingerprint(publicKey), unsigned.heads(), "");
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(withKey.signedText().getBytes(StandardCharsets.UTF_8));
            return withKey.signed(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 17", e);
        }
    }

    /** Whether the checkpoint's signature is the key's signature of its text. */
    public static boolean verify(PublicKey key, Checkpoint checkpoint) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
