package dev.optim.landscapes.sharpness;

/**
 * The largest eigenvalues of a Hessian found from Hessian-vector products, with how far each is
 * from converged.
 *
 * @param eigenvalues the eigenvalues found, in descending order (algebraically: the largest
 *     first); the array is the record's own, do not modify it
 * @param residuals for each eigenvalue {@code λ} with unit vector {@code u}, a bound on
 *     {@code ‖H·u − λ·u‖} (for Lanczos, {@code β_m·|s_{m,k}|}, Golub and Van Loan section 10.1.4);
 *     0 when the Krylov space was exhausted
 * @param products the number of Hessian-vector products spent
 */
public record Spectrum(double[] eigenvalues, double[] residuals, int products) {

    /**
     * The largest eigenvalue.
     *
     * @return {@code eigenvalues()[0]}
     */
    public double top() {
        return eigenvalues[0];
    }
}
