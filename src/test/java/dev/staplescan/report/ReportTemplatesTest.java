package dev.staplescan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ReportTemplatesTest {

    static final List<String> NAMES = ReportTemplates.NAMES;

    @ParameterizedTest
    @FieldSource("NAMES")
    void everyTemplateCompilesFromItsJrxml(String name) {
        JasperReport report = ReportTemplates.compile(name);

        assertEquals(name, report.getName());
    }

    @Test
    void templatesAreLoadedOncePerProcess() {
        ReportTemplates first = ReportTemplates.get();

        assertNotNull(first.main());
        assertSame(first, ReportTemplates.get());
    }
}
