package compactqa.compress;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * A thin singular value decomposition of a row-major matrix, singular values in descending order.
 *
 * @param u      {@code [rows, k]} left singular vectors, {@code k = min(rows, cols)}
 * @param sigma  the singular values
 * @param vt     {@code [k, cols]} right singular vectors, as rows
 */
record Svd(int rows, int cols, double[] u, double[] sigma, double[] vt) {

    static Svd of(float[] matrix, int rows, int cols) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < matrix.length; i++) {
            a.data[i] = matrix[i];
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        if (!svd.decompose(a)) {
            throw new IllegalStateException("the SVD of a " + rows + " x " + cols + " matrix did not converge");
        }
        int k = Math.min(rows, cols);
        DMatrixRMaj uMat = svd.getU(null, false); // [rows, k]
        DMatrixRMaj vMat = svd.getV(null, true); // [k, cols]
        double[] s = svd.getSingularValues();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(s[y], s[x]));
        double[] u = new double[rows * k];
        double[] vt = new double[k * cols];
        double[] sigma = new double[k];
        for (int j = 0; j < k; j++) {
            int from = order[j];
            sigma[j] = s[from];
            for (int r = 0; r < rows; r++) {
                u[r * k + j] = uMat.get(r, from);
            }
            for (int c = 0; c < cols; c++) {
                vt[j * cols + c] = vMat.get(from, c);
            }
        }
        return new Svd(rows, cols, u, sigma, vt);
    }

    int k() {
        return sigma.length;
    }

    /** The smallest rank whose singular values keep {@code energy} of the squared sum. */
    int rankForEnergy(double energy) {
        double total = 0;
        for (double s : sigma) {
            total += s * s;
        }
        double kept = 0;
        for (int r = 0; r < sigma.length; r++) {
            kept += sigma[r] * sigma[r];
            if (kept >= energy * total) {
                return r + 1;
            }
        }
        return sigma.length;
    }

    /** {@code U_r · Σ_r} as {@code [rows, r]}. */
    float[] left(int r) {
        float[] out = new float[rows * r];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < r; j++) {
                out[i * r + j] = (float) (u[i * k() + j] * sigma[j]);
            }
        }
        return out;
    }

    /** {@code V_rᵀ} as {@code [r, cols]}. */
    float[] right(int r) {
        float[] out = new float[r * cols];
        for (int i = 0; i < r * cols; i++) {
            out[i] = (float) vt[i];
        }
        return out;
    }
}
