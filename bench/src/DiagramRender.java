import dev.kubelessons.diagram.DiagramDrawing;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 19: what drawing the course's diagrams costs. In one fresh JVM: the first diagram (PlantUML's classes
 * loaded and warmed), then ROUNDS rounds over every diagram of the course (each drawn from scratch, themed SVG
 * included), printing per-diagram wall time (median, max) and the process CPU time. Usage: DiagramRender LESSONS [ROUNDS]
 */
public class DiagramRender {
    public static void main(String[] args) {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Diagram> diagrams = new ArrayList<>();
        for (Lesson lesson : new CourseLoader().load(Path.of(args[0])).course().lessons()) {
            diagrams.addAll(lesson.diagrams());
        }
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        DiagramDrawing drawing = new DiagramDrawing();
        long cpu0 = bean.getProcessCpuTime();
        long t0 = System.nanoTime();
        int bytes = drawing.svg(diagrams.get(0), "dg-0").length();
        double first = (System.nanoTime() - t0) / 1e6;
        double firstCpu = (bean.getProcessCpuTime() - cpu0) / 1e6;
        List<Double> each = new ArrayList<>();
        long cpu1 = bean.getProcessCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < diagrams.size(); i++) {
                long t = System.nanoTime();
                bytes = Math.max(bytes, drawing.svg(diagrams.get(i), "dg-" + i).length());
                each.add((System.nanoTime() - t) / 1e6);
            }
        }
        double cpuEach = (bean.getProcessCpuTime() - cpu1) / 1e6 / each.size();
        each.sort(null);
        System.out.printf("diagrams: %d in the course, %d rounds%n", diagrams.size(), rounds);
        System.out.printf("first diagram in a fresh JVM: %.0f ms wall, %.0f ms CPU (PlantUML loaded)%n", first, firstCpu);
        System.out.printf("each diagram after that: median %.1f ms, max %.1f ms wall; %.1f ms CPU on average; largest SVG %d bytes%n",
                each.get(each.size() / 2), each.get(each.size() - 1), cpuEach, bytes);
    }
}
