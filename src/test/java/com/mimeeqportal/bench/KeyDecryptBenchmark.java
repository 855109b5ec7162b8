package com.mimeeqportal.bench;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.apikey.KeyVault;
import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.identity.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link KeyVault#open}: a tenant's stored key (Base64 of the AEAD ciphertext, the tenant id as associated data)
 * decrypted under a master keyset loaded as {@code Infrastructure} loads it, as every Mimeeq call does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyDecryptBenchmark {

    private KeyVault vault;
    private TenantId tenant;
    private String stored;

    @Setup
    public void seal() throws IOException {
        Path dir = Files.createTempDirectory("bench-keys-");
        vault = MasterKeysets.load(dir.resolve("master-keyset.json"), dir.resolve("mac-keyset.json"), true);
        tenant = TenantId.random();
        stored = vault.seal(tenant, new ApiKey("mq_live_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e"));
    }

    @Benchmark
    public ApiKey decryptStoredKey() {
        return vault.open(tenant, stored);
    }
}
