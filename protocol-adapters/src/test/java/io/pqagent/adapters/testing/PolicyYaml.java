package io.pqagent.adapters.testing;

import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.config.ConfigLoader;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import io.pqagent.qsmp.keys.SigningKeyRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A policy written in YAML and read by the agent's own configuration loader, so a filter's tests see
 * the tree exactly as the filter will (one-element lists collapsed, numbers and booleans typed).
 */
public final class PolicyYaml {
    private final Path dir;
    private final String service;
    private final String protocol;
    private final String target;

    /** Policies of an expose entry named {@code service} for {@code protocol}, reaching {@code target}. */
    public PolicyYaml(Path dir, String service, String protocol, String target) throws Exception {
        this.dir = dir;
        this.service = service;
        this.protocol = protocol;
        this.target = target;
        Files.createDirectories(dir.resolve("identity"));
        Files.writeString(dir.resolve("identity/current.qid"), "not read by the loader");
        Files.write(dir.resolve("identity.key"), new byte[32]);
        AuthorityKeyFile.write(dir.resolve("authority.pub"),
                new AuthorityKey(new byte[AuthorityKey.ALGORITHM.verificationKeySize()]));
        try (SigningKeyRecord key = KeyGeneration.generate(ParameterSet.DILITHIUM_S1_KYBER_S1,
                KeyId.random(EntropySource.system()), 4_000_000_000L, EntropySource.system())) {
            KeyFiles.writeQpkey(dir.resolve("replica.qpkey"), key.publicRecord());
        }
    }

    /** The {@code policy:} tree of the expose entry whose policy section is {@code policyYaml}. */
    public Map<String, Object> tree(String policyYaml) throws Exception {
        String indented = policyYaml.stripIndent().lines().map(l -> "      " + l).reduce("", (a, b) -> a + b + "\n");
        return load("""
                peers:
                  - name: site-b
                expose:
                  - name: %s
                    peer: site-b
                    protocol: %s
                    target: %s
                    policy:
                """.formatted(service, protocol, target) + indented).expose().get(0).policy().tree();
    }

    /** A configuration of the common settings and {@code rest} (peers, services, expose). */
    public AgentConfig load(String rest) throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, """
                name: gateway
                identity:
                  dir: identity
                  key-file: identity.key
                directory:
                  authority-key: authority.pub
                  replicas:
                    - address: 127.0.0.1:31120
                      key: replica.qpkey
                """ + rest);
        return new ConfigLoader(Map.<String, String>of()::get).read(file);
    }
}
