package io.pqagent.adapters.opcua;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * A self-signed OPC UA application instance certificate (RSA 2048, made by Milo's builder) for the tests
 * with a signed and encrypted secure channel.
 */
record UaIdentity(String applicationUri, KeyPair keyPair, X509Certificate certificate) {

    static UaIdentity create(String name, String applicationUri) throws Exception {
        KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate cert = new SelfSignedCertificateBuilder(kp)
                .setCommonName(name)
                .setApplicationUri(applicationUri)
                .addDnsName("localhost")
                .addIpAddress("127.0.0.1")
                .build();
        return new UaIdentity(applicationUri, kp, cert);
    }

    X509Certificate[] chain() {
        return new X509Certificate[] {certificate};
    }

    /** A client-side validator that trusts {@code trusted} (the server's certificate) only. */
    static CertificateValidator clientTrusting(UaIdentity trusted) {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        trust.addTrustedCertificate(trusted.certificate);
        return new DefaultClientCertificateValidator(trust, new MemoryCertificateQuarantine());
    }

    /** A server-side validator that trusts {@code trusted} (the client's certificate) only. */
    static DefaultServerCertificateValidator serverTrusting(MemoryTrustListManager trust, UaIdentity trusted) {
        trust.addTrustedCertificate(trusted.certificate);
        return new DefaultServerCertificateValidator(trust, new MemoryCertificateQuarantine());
    }
}
