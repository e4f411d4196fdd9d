package io.layernas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ops of a PyTorch profiler's Chrome trace, aggregated: calls and self CPU time (an op's duration
 * less that of the ops it called, on the same thread) per op name, and per op name and input shapes.
 * Reads both formats the two sides write: the legacy profiler's array of events with a {@code shape}
 * field (DJL's {@code JniUtils.stopProfile}) and Kineto's {@code {"traceEvents": [...]}} with
 * {@code args."Input Dims"} ({@code torch.autograd.profiler.profile} in Python).
 *
 * @param byName  per op name
 * @param byShape per op name and input shapes, e.g. {@code aten::mkldnn_convolution [[64, 96, 7, 7], [96, 1, 5, 5]]}
 */
record OpTrace(Map<String, OpStats> byName, Map<String, OpStats> byShape) {

    /** Calls and self CPU microseconds of one op (or one op with given input shapes). */
    record OpStats(long calls, double selfMicros) {
        OpStats plus(double micros) {
            return new OpStats(calls + 1, selfMicros + micros);
        }
    }

    private record Event(String name, String shapes, long tid, double start, double duration) {
        double end() {
            return start + duration;
        }
    }

    /** Reads the trace at {@code file}. */
    static OpTrace read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        List<Event> ops = new ArrayList<>();
        for (JsonNode event : events) {
            if (isOp(event)) {
                JsonNode shapes = event.has("shape") ? event.get("shape") : event.path("args").path("Input Dims");
                ops.add(new Event(event.get("name").asText(), compact(shapes), event.path("tid").asLong(),
                        event.get("ts").asDouble(), event.get("dur").asDouble()));
            }
        }
        return of(ops);
    }

    /**
     * Per op (and per op and shapes), the median over {@code traces} of calls and of self time; an op missing from
     * a trace counts as 0 there.
     */
    static OpTrace median(List<OpTrace> traces) {
        return new OpTrace(medianPerKey(traces.stream().map(OpTrace::byName).toList()),
                medianPerKey(traces.stream().map(OpTrace::byShape).toList()));
    }

    private static Map<String, OpStats> medianPerKey(List<Map<String, OpStats>> maps) {
        Map<String, OpStats> result = new TreeMap<>();
        maps.forEach(m -> m.keySet().forEach(key -> result.put(key, null)));
        OpStats none = new OpStats(0, 0);
        result.replaceAll((key, ignored) -> new OpStats(
                Math.round(middle(maps.stream().mapToDouble(m -> m.getOrDefault(key, none).calls()).toArray())),
                middle(maps.stream().mapToDouble(m -> m.getOrDefault(key, none).selfMicros()).toArray())));
        return result;
    }

    private static double middle(double[] values) {
        java.util.Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** The sum of the self times of all ops, in microseconds. */
    double totalMicros() {
        return byName.values().stream().mapToDouble(OpStats::selfMicros).sum();
    }

    /** Complete events that are ops: not the profiler's own markers or Python frames. */
    private static boolean isOp(JsonNode event) {
        String category = event.path("cat").asText("cpu_op");
        return "X".equals(event.path("ph").asText()) && event.has("dur")
                && (category.equals("cpu_op") || category.equals("Operator"));
    }

    private static String compact(JsonNode shapes) {
        return shapes.isMissingNode() ? "[]" : shapes.toString().replace(",", ", ");
    }

    private static OpTrace of(List<Event> events) {
        Map<Long, List<Event>> threads = new HashMap<>();
        events.forEach(e -> threads.computeIfAbsent(e.tid(), t -> new ArrayList<>()).add(e));
        Map<String, OpStats> byName = new TreeMap<>();
        Map<String, OpStats> byShape = new TreeMap<>();
        for (List<Event> thread : threads.values()) {
            thread.sort(Comparator.comparingDouble(Event::start).thenComparing(Comparator.comparingDouble(Event::duration).reversed()));
            double[] self = selfTimes(thread);
            for (int i = 0; i < thread.size(); i++) {
                Event event = thread.get(i);
                double micros = self[i];
                byName.merge(event.name(), new OpStats(1, micros), (a, b) -> a.plus(micros));
                byShape.merge(event.name() + " " + event.shapes(), new OpStats(1, micros), (a, b) -> a.plus(micros));
            }
        }
        return new OpTrace(byName, byShape);
    }

    /** Each event's duration less its direct children's; {@code thread} sorted by start, outer events first. */
    private static double[] selfTimes(List<Event> thread) {
        double[] self = new double[thread.size()];
        int[] stack = new int[thread.size()];
        int depth = 0;
        for (int i = 0; i < thread.size(); i++) {
            Event event = thread.get(i);
            self[i] = event.duration();
            while (depth > 0 && thread.get(stack[depth - 1]).end() <= event.start()) {
                depth--;
            }
            if (depth > 0) {
                self[stack[depth - 1]] -= event.duration();
            }
            stack[depth++] = i;
        }
        return self;
    }
}
