package io.layernas.evaluators.training;

/** The training loss became NaN or infinite; the candidate's trial fails. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message saying where it diverged and what to change. */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
