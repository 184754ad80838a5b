package dev.vantage.server.ca;

import dev.vantage.config.KeyAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

/** Key generation and the signature algorithm that goes with a key. */
final class Keys {

    private Keys() {
    }

    /** A fresh key pair of the configured CA key type. */
    static KeyPair generate(KeyAlgorithm algorithm, SecureRandom random) {
        return switch (algorithm) {
            case ECDSA_P256 -> ec("secp256r1", random);
            case ECDSA_P384 -> ec("secp384r1", random);
            case RSA_2048 -> rsa(2048, random);
            case RSA_3072 -> rsa(3072, random);
        };
    }

    static KeyPair ec(String curve, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + curve + " keys", e);
        }
    }

    static KeyPair rsa(int bits, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate RSA-" + bits + " keys", e);
        }
    }

    /**
     * The JCA signature algorithm a CA with this key signs with. The hash matches the curve's
     * strength (BR §7.1.3.2: P-256 with SHA-256, P-384 with SHA-384); RSA uses PKCS#1 v1.5 with
     * SHA-256, which every client accepts.
     */
    static String signatureAlgorithm(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits <= 256 ? "SHA256withECDSA" : bits <= 384 ? "SHA384withECDSA" : "SHA512withECDSA";
        }
        if (key instanceof RSAPublicKey) {
            return "SHA256withRSA";
        }
        throw new IllegalArgumentException("cannot sign with a " + key.getAlgorithm() + " key");
    }

    /**
     * True when both keys are the same public key, whatever JCA implementation class produced
     * them (an account key from the JWS library and a key decoded from a CSR differ in class).
     */
    static boolean same(PublicKey a, PublicKey b) {
        if (a instanceof RSAPublicKey x && b instanceof RSAPublicKey y) {
            return x.getModulus().equals(y.getModulus()) && x.getPublicExponent().equals(y.getPublicExponent());
        }
        if (a instanceof ECPublicKey x && b instanceof ECPublicKey y) {
            return x.getW().equals(y.getW()) && x.getParams().getCurve().equals(y.getParams().getCurve());
        }
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
