package dev.staplescan.report;

import java.text.DecimalFormat;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * Chart customizer for the "stapling by owner" chart of {@code staplescan-report.jrxml}: the values
 * are percentages, so the axis runs from 0 to 100 whatever the data (a fleet at 40 % should not look
 * full), and bar labels are whole per cents. Flat bars without gradient or shadow, so the two greys
 * stay distinguishable when printed in black and white. Named by the template's
 * {@code customizerClass}; JasperReports instantiates it with its public no-argument constructor.
 */
public final class PercentAxis implements JRChartCustomizer {

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (chart.getPlot() instanceof CategoryPlot plot) {
            if (plot.getRangeAxis() instanceof NumberAxis axis) {
                // a little above 100 leaves room for the label of a full bar
                axis.setRange(0, 112);
                axis.setTickUnit(new NumberTickUnit(20));
            }
            if (plot.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setItemMargin(0.05);
                bars.setDefaultItemLabelGenerator(
                        new StandardCategoryItemLabelGenerator("{2} %", new DecimalFormat("0")));
            }
        }
    }
}
