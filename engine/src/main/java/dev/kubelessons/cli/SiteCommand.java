package dev.kubelessons.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced by the site builder work (issue 2). */
@Command(name = "site")
public final class SiteCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserInputException("site is being built", "wait");
    }
}
