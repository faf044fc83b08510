package io.marketops;

import io.marketops.runtime.StartupChecks;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * MarketOps entry point. {@code java -jar marketops.jar} starts the server; the launcher's
 * offline subcommands ({@code generate}) run without starting Spring.
 */
/* modules may reuse simple class names (web.Navigation …): beans are named by their full class name */
@SpringBootApplication(nameGenerator = org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class MarketOpsApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "generate".equals(args[0])) {
            System.exit(io.marketops.demo.GenerateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        StartupChecks.verifyOrExit(System.getenv());
        SpringApplication app = new SpringApplication(MarketOpsApplication.class);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.run(args);
    }
}
