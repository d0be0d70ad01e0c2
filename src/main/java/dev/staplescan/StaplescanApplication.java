package dev.staplescan;

import dev.staplescan.cli.StaplescanCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application behind the CLI. {@link #main} hands the arguments to the CLI. */
@SpringBootApplication
public class StaplescanApplication {

    public static void main(String[] args) {
        System.exit(StaplescanCommand.execute(args));
    }
}
