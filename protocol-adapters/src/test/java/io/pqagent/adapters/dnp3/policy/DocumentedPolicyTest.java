package io.pqagent.adapters.dnp3.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pqagent.adapters.dnp3.app.FunctionCode;
import io.pqagent.agent.config.AgentConfig;
import io.pqagent.agent.config.ConfigLoader;
import io.pqagent.agent.config.ExposeConfig;
import io.pqagent.directory.record.AuthorityKey;
import io.pqagent.directory.record.AuthorityKeyFile;
import io.pqagent.qsmp.crypto.EntropySource;
import io.pqagent.qsmp.crypto.ParameterSet;
import io.pqagent.qsmp.keys.KeyFiles;
import io.pqagent.qsmp.keys.KeyGeneration;
import io.pqagent.qsmp.keys.KeyId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy example of docs/adapters-dnp3.md, loaded by the agent's own configuration loader (so the
 * shapes YAML and Commons Configuration give are the ones the reader sees) and read as documented.
 */
class DocumentedPolicyTest {
    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleLoadsAndMeansWhatTheDocumentSays() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "adapters-dnp3.md"));
        int section = doc.indexOf("## 5. Policy");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        AgentConfig config = ConfigLoader.loadForInit(writeConfig(example));
        ExposeConfig e = config.expose().get(0);

        Dnp3Policies p = PolicyReader.read(e.name(), e.policy().tree());
        Dnp3Policy service = p.service();
        assertThat(service.allowed()).containsExactly(FunctionCode.READ);
        assertThat(service.objectRules()).containsExactly(
                new ObjectRule(Set.of(FunctionCode.SELECT, FunctionCode.OPERATE), 12, OptionalInt.empty(),
                        Optional.of(new IndexSet(List.of(new IndexRange(0, 3), new IndexRange(7, 7))))),
                new ObjectRule(Set.of(FunctionCode.DIRECT_OPERATE), 41, OptionalInt.of(1),
                        Optional.of(new IndexSet(List.of(new IndexRange(0, 0))))));
        assertThat(service.masters()).contains(new IndexSet(List.of(new IndexRange(1, 1))));
        assertThat(service.outstations()).contains(new IndexSet(List.of(new IndexRange(10, 10))));
        assertThat(service.maxFragment()).isEqualTo(2048);
        assertThat(p.forPeer("control-centre").allowed()).containsExactlyInAnyOrder(FunctionCode.READ, FunctionCode.WRITE);
        assertThat(p.forPeer("control-centre").objectRules()).isEqualTo(service.objectRules());
    }

    /** A minimal configuration around {@code expose}: what the loader checks exists, in real formats. */
    private Path writeConfig(String expose) throws Exception {
        Files.createDirectories(dir.resolve("identity"));
        Files.writeString(dir.resolve("identity/current.qid"), "sealed identity placeholder");
        Files.writeString(dir.resolve("passphrase"), "correct horse\n");
        AuthorityKeyFile.write(dir.resolve("authority.pub"),
                new AuthorityKey(new byte[AuthorityKey.ALGORITHM.verificationKeySize()]));
        EntropySource entropy = EntropySource.system();
        KeyFiles.writeQpkey(dir.resolve("replica.qpkey"), KeyGeneration.generate(ParameterSet.DILITHIUM_S1_KYBER_S1,
                KeyId.random(entropy), 2_000_000_000L, entropy).publicRecord());
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, """
                name: substation-a
                identity:
                  dir: identity
                  passphrase-file: passphrase
                directory:
                  authority-key: authority.pub
                  replicas:
                    - address: 10.0.0.2:31120
                      key: replica.qpkey
                peers:
                  - name: control-centre
                """ + expose);
        return file;
    }
}
