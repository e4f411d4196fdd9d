package io.layernas.evaluators.external;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.InputShape;
import io.layernas.api.Layer;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Op;
import io.layernas.api.SearchSpace;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the JSON an external command reads: the space, the architecture (formatted, as option
 * indices and as one named choice per search layer), the trial index, seed and attempt, and, for a
 * {@link NetworkSpace}, the input shape and one row per network op ({@code layers}).
 */
final class RequestJson {

    private RequestJson() {
    }

    /** The request as one JSON object. */
    static String write(EvaluationRequest request) {
        SearchSpace space = request.space();
        Architecture architecture = request.architecture();
        StringJoiner fields = new StringJoiner(",\n  ", "{\n  ", "\n}\n");
        fields.add("\"space\": " + Json.quote(space.name()));
        fields.add("\"architecture\": {\"formatted\": " + Json.quote(space.format(architecture))
                + ", \"indices\": " + indices(architecture) + "}");
        fields.add("\"choices\": " + choices(space, architecture));
        fields.add("\"trialIndex\": " + request.trialIndex());
        fields.add("\"seed\": " + request.seed());
        fields.add("\"attempt\": " + request.attempt());
        if (space instanceof NetworkSpace network) {
            fields.add("\"input\": " + input(network.input()));
            fields.add("\"layers\": " + ops(network.network(architecture)));
        }
        return fields.toString();
    }

    private static String indices(Architecture architecture) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        for (int choice : architecture.choices()) {
            list.add(Integer.toString(choice));
        }
        return list.toString();
    }

    private static String choices(SearchSpace space, Architecture architecture) {
        StringJoiner list = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        List<Layer> layers = space.layers();
        for (int i = 0; i < layers.size(); i++) {
            list.add("{\"layer\": " + Json.quote(layers.get(i).name()) + ", \"option\": "
                    + Json.quote(layers.get(i).options().get(architecture.choice(i))) + "}");
        }
        return list.toString();
    }

    private static String input(InputShape input) {
        return "{\"size\": " + input.size() + ", \"channels\": " + input.channels() + ", \"classes\": "
                + input.classes() + "}";
    }

    private static String ops(List<Op> ops) {
        StringJoiner list = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (Op op : ops) {
            list.add("{\"type\": " + Json.quote(op.type().name()) + ", \"inputSize\": " + op.inputSize()
                    + ", \"inChannels\": " + op.inChannels() + ", \"outChannels\": " + op.outChannels()
                    + ", \"expandedChannels\": " + op.expandedChannels() + ", \"kernel\": " + op.kernel()
                    + ", \"stride\": " + op.stride() + ", \"squeezeExcite\": " + op.squeezeExcite()
                    + ", \"activation\": " + Json.quote(op.activation()) + ", \"residual\": " + op.residual()
                    + ", \"detail\": " + Json.quote(op.detail()) + "}");
        }
        return list.toString();
    }
}
