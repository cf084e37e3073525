package io.lodestar.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.testkit.jwt.TestTokens;

/**
 * What every Lodestar service promises the platform team, checked the same way in each service: real health
 * checks, Prometheus metrics, OpenAPI and Swagger UI, and bearer-JWT protection with problem+json errors.
 * A service's test extends it, adds {@code @QuarkusTest}, and names the readiness checks it must report.
 */
@ExtendWith(EventLoopGuard.class)
public abstract class ServiceContractTest {

    /** The readiness checks this service must report UP (its database, Kafka and, where used, Redis). */
    protected abstract List<String> expectedReadinessChecks();

    @Test
    void readinessReportsEveryBackingServiceUp() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(expectedReadinessChecks().toArray(String[]::new)));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void businessEndpointsNeedABearerToken() {
        given().get("/admin/outbox").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void businessEndpointsCheckTheRole() {
        given().header("Authorization", TestTokens.bearer("app")).get("/admin/outbox").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body(not(containsString("java.")));
        given().header("Authorization", TestTokens.bearer("admin")).get("/admin/outbox").then()
                .statusCode(200)
                .body("pending", equalTo(0));
    }
}
