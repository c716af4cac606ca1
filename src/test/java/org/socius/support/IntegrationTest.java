package org.socius.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole application on a real embedded PostgreSQL loaded with the demo data. All
 * such tests share one application context and one database, so they create what they change and
 * never rely on counts another test may move.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "socius.db.embedded.data-dir=target/test-postgres",
      "socius.db.embedded.clean=true",
      "socius.demo.enabled=true",
      // No tile server is reachable from the tests; maps show their points on a blank ground.
      "socius.map.tiles-url=",
      "socius.db.pool-size=30",
      "spring.thymeleaf.cache=true"
    })
@Import(TestClock.Configuration.class)
public @interface IntegrationTest {}
