package compactqa.model;

import java.util.function.Function;

/**
 * The linear form of each layer of a checkpoint, read from the tensors it holds: a plain
 * {@code <name>.weight} takes the form of the requested {@link Precision}; compressed parts
 * ({@code <name>.weight.u}, {@code .q8}, {@code .q4}, {@code .mpo0}, {@code .codes}, …) take the form that reads
 * them. So a compressed model runs through the same export and runtime as a plain one.
 */
public final class LinearForms {

    private LinearForms() {
    }

    public static Function<String, LinearForm> of(Checkpoint checkpoint, Precision precision) {
        Function<String, LinearForm> plain = precision.forms();
        return name -> {
            if (checkpoint.has(name + ".weight")) {
                return plain.apply(name);
            }
            if (checkpoint.has(name + LowRankLinear.U)) {
                return LowRankLinear.INSTANCE;
            }
            if (checkpoint.has(name + Int8DynamicLinear.CODES)) {
                return Int8DynamicLinear.INSTANCE;
            }
            if (checkpoint.has(name + Int4BlockLinear.CODES)) {
                return Int4BlockLinear.INSTANCE;
            }
            if (checkpoint.has(name + SharedBasisLinear.CODES)) {
                return SharedBasisLinear.INSTANCE;
            }
            if (checkpoint.has(name + MpoLinear.core(0))) {
                return MpoLinear.INSTANCE;
            }
            throw new IllegalStateException("the checkpoint holds no weights for " + name);
        };
    }

    /**
     * How layer {@code name} is held, for reports: {@code dense}, {@code int8}, {@code int4},
     * {@code rank 96}, {@code shared basis, rank 164} or {@code mpo bonds 1-33-30-1}.
     */
    public static String describe(Checkpoint checkpoint, String name) {
        if (checkpoint.has(name + ".weight")) {
            return "dense";
        }
        if (checkpoint.has(name + LowRankLinear.U)) {
            return "rank " + checkpoint.tensor(name + LowRankLinear.U).dim(1);
        }
        if (checkpoint.has(name + Int8DynamicLinear.CODES)) {
            return "int8";
        }
        if (checkpoint.has(name + Int4BlockLinear.CODES)) {
            return "int4";
        }
        if (checkpoint.has(name + SharedBasisLinear.CODES)) {
            return "shared basis, rank " + checkpoint.tensor(name + SharedBasisLinear.CODES).dim(1);
        }
        if (checkpoint.has(name + MpoLinear.core(0))) {
            StringBuilder bonds = new StringBuilder("mpo bonds 1");
            MpoLinear.cores(checkpoint, name).forEach(c -> bonds.append('-').append(c.dim(3)));
            return bonds.toString();
        }
        return "missing";
    }
}
