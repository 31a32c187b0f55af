package dev.kubelessons.runner;

/** "1 ready endpoint", "2 ready endpoints": a count with its noun in the right number. */
public final class Counted {

    private Counted() {
    }

    public static String of(long count, String singular) {
        return count + " " + (count == 1 ? singular : singular + "s");
    }
}
