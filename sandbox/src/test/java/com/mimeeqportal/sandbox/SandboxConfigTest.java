package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxConfigTest {

    @TempDir
    Path dataDir;

    private static SandboxConfig config(Map<String, String> values) {
        return new SandboxConfig(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void theKeysLiveInTheDataDirectoryGivenOrInDataSandbox() {
        assertEquals(Path.of("data/sandbox").toAbsolutePath(), config(Map.of()).dataDir());
        assertEquals(Path.of("/srv/sandbox"), config(Map.of("sandbox.data-dir", " /srv/sandbox/ ")).dataDir());
    }

    @Test
    void thePublicUrlIsOptionalAndAlwaysEndsInASlash() {
        assertTrue(config(Map.of()).publicUrl().isEmpty());
        assertTrue(config(Map.of("sandbox.public-url", "  ")).publicUrl().isEmpty());
        assertEquals(URI.create("https://demo.example.com/sandbox/"),
                config(Map.of("sandbox.public-url", "https://demo.example.com/sandbox")).publicUrl().orElseThrow());
    }

    @Test
    void imageLinksUseThePublicUrlWhenThereIsOneElseTheAddressTheRequestCameTo() {
        URI requestBase = URI.create("http://localhost:8080/sandbox/");
        URI publicUrl = URI.create("https://demo.example.com/sandbox/");
        SandboxResource plain = new SandboxResource(null, null, null, null, null, Optional.empty());
        SandboxResource behindAProxy = new SandboxResource(null, null, null, null, null, Optional.of(publicUrl));
        assertEquals(requestBase, plain.imageBase(requestBase));
        assertEquals(publicUrl, behindAProxy.imageBase(requestBase));

        SandboxFixture sandbox = new SandboxFixture(dataDir);
        ApiAnswer products = sandbox.api.productsGeneralInfo(sandbox.key(SandboxFixture.NORDIC),
                behindAProxy.imageBase(requestBase));
        assertEquals(200, products.status());
        assertTrue(products.body().contains("\"previewImage\":\"https://demo.example.com/sandbox/images/"),
                products.body());
    }
}
