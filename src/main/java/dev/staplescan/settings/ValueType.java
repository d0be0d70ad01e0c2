package dev.staplescan.settings;

/**
 * How one kind of setting value is read from text and written back. The same {@link #parse} reads a
 * command-line option, a job-definition field, a job parameter and a run's stored settings, so a value
 * means the same, and is refused in the same words, wherever it comes from.
 *
 * @param <T> the value's type
 */
public interface ValueType<T> {

    /**
     * Reads the text form.
     *
     * @throws BadValueException saying what is allowed, e.g. {@code must be a whole number from 1 to 256, not '0'}
     */
    T parse(String text);

    /** The canonical text form: {@link #parse} reads it back to an equal value. */
    String format(T value);

    /** A value that is not allowed; the message says what is allowed and quotes what was given. */
    final class BadValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public BadValueException(String problem) {
            super(problem);
        }
    }
}
