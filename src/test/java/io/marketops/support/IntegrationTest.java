package io.marketops.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A full MarketOps on a random port, on the run's shared embedded PostgreSQL, with the admin
 * and bootstrap token from {@link TestUsers}. Contexts are cached across test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SharedPostgres.class)
@org.springframework.context.annotation.Import(TestWorkspaces.class)
public @interface IntegrationTest {
}
