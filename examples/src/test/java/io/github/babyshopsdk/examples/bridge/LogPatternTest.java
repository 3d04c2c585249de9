package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bridge's log pattern keeps every message on one line (no log injection through remote values). */
class LogPatternTest {

    /** The pattern of the bridge's {@code logback.xml}. */
    static String bridgePattern() {
        try (InputStream in = LogPatternTest.class.getResourceAsStream("/logback.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher pattern = Pattern.compile("<pattern>(.*)</pattern>").matcher(xml);
            assertThat(pattern.find()).as("logback.xml has a pattern").isTrue();
            return pattern.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMessageWithLineBreaksIsOneLine() {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(bridgePattern());
        layout.start();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("io.github.babyshopsdk.sync.Engine"), Level.WARN,
                "order {} failed", null, new Object[] {"5001\r\n12:00:00.000 ERROR FORGED - admin logged in\nx"});
        String line = layout.doLayout(event);
        assertThat(line).endsWith("\n");
        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("order 5001\\r\\n12:00:00.000 ERROR FORGED - admin logged in\\nx failed");
    }

    @Test
    void wireLogTurnsTheWireLoggerToDebugUnderTheBridgesWarnRoot() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger wire = context.getLogger(WireLog.LOGGER);
        Level before = wire.getLevel();
        try {
            wire.setLevel(Level.WARN);
            assertThat(wire.isDebugEnabled()).isFalse();
            WireLog.enable();
            assertThat(wire.isDebugEnabled()).isTrue();
        } finally {
            wire.setLevel(before);
        }
    }
}
