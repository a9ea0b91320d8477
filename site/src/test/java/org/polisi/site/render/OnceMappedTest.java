package org.polisi.site.render;

import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The configuration a bake hands JBake's renderer (docs/adr/0095) is the factory's, folders and
 * settings alike, and the map the templates see as {@code config} is the one JBake makes, made once
 * and handed to every page.
 */
class OnceMappedTest {
    @Test
    void theTemplatesConfigIsJBakesMadeOnce(@TempDir Path folder) throws Exception {
        Path source = Files.createDirectories(folder.resolve("src"));
        Path destination = Files.createDirectories(folder.resolve("out"));
        Files.createDirectories(source.resolve("templates"));
        Files.writeString(source.resolve("jbake.properties"), "render.index=false\nsite.host=https://example.org\ntemplate.page.file=page.ftl\n"
                + "db.store=memory\nrender.encoding=UTF-8\n");
        DefaultJBakeConfiguration loaded = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(source.toFile(), destination.toFile(), true);
        Map<String, Object> expected = loaded.asHashMap();
        JBakeRenderer.OnceMapped once = new JBakeRenderer.OnceMapped(
                new JBakeConfigurationFactory().createDefaultJbakeConfiguration(source.toFile(), destination.toFile(), true), destination);
        assertEquals(expected, once.asHashMap());
        assertEquals("https://example.org", once.asHashMap().get("site_host"));
        assertSame(once.asHashMap(), once.asHashMap(), "made once, not once per page");
        assertEquals(loaded.getDestinationFolder(), once.getDestinationFolder());
        assertEquals(loaded.getTemplateFolder(), once.getTemplateFolder());
        assertEquals(loaded.getTemplateFileByDocType("page"), once.getTemplateFileByDocType("page"));
        assertEquals(loaded.getRenderEncoding(), once.getRenderEncoding());
    }
}
