package dev.staplescan.report;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;

/**
 * Chart customizer for the verdict chart of {@code staplescan-report.jrxml}: endpoint counts are
 * whole numbers, but JFreeChart picks fractional ticks for small counts (0, 0.2, 0.4 ... printed as
 * "0 0 0 1 1" through the integer mask). Restricting the value axis to integer tick units fixes that.
 * Named by the template's {@code customizerClass}; JasperReports instantiates it with its public
 * no-argument constructor.
 */
public final class WholeNumberAxis implements JRChartCustomizer {

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRangeAxis() instanceof NumberAxis axis) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            // leave room for the value label right of the longest bar
            axis.setUpperMargin(0.12);
        }
    }
}
