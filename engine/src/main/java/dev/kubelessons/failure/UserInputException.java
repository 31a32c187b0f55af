package dev.kubelessons.failure;

/** Bad input from the user: a lesson, a flag or a file (exit 2). */
public class UserInputException extends KubelessonsException {
    public UserInputException(String message, String nextStep) {
        super(message, nextStep, ExitCodes.BAD_INPUT, null);
    }
}
