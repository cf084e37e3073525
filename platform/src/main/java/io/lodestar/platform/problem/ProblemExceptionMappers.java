package io.lodestar.platform.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.lodestar.contracts.JsonFieldPath;
import io.lodestar.contracts.MalformedEventException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The one place where every service turns an exception into an RFC 9457 problem (application/problem+json).
 *
 * <p>Quarkus picks the mapper of the most specific exception type, and its own extensions register mappers for
 * several types (validation, Jackson, security); each of those types is therefore declared here and all of them
 * go through {@link #toProblem}. Only unexpected failures (500) are logged with their stack trace; the body
 * never names a Java class.
 */
public class ProblemExceptionMappers {

    static final String TYPE_BASE = "https://lodestar.io/problems/";

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> restValidation(ResteasyReactiveViolationException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidInput(InvalidInputException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> json(JsonProcessingException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    /** Quarkus REST Jackson maps this subtype itself (to plain JSON); ours must win. */
    @ServerExceptionMapper
    public RestResponse<Problem> jsonMismatch(MismatchedInputException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(ResourceNotFoundException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> conflict(ConflictException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unavailable(ServiceUnavailableException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> composite(CompositeException e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, HttpServerRequest request) {
        return respond(toProblem(e, request));
    }

    /** Decides status, type and detail for any failure; public so that non-HTTP callers can reuse the wording. */
    public static Problem toProblem(Throwable e, HttpServerRequest request) {
        String path = request == null ? null : request.path();
        if (e instanceof CompositeException composite && !composite.getCauses().isEmpty()) {
            return toProblem(composite.getCauses().get(0), request);
        }
        if (e instanceof ConstraintViolationException cve) {
            boolean returnValue = cve.getConstraintViolations().stream().anyMatch(ProblemExceptionMappers::isReturnValue);
            if (returnValue) {
                return unexpectedProblem(e, request);
            }
            return new Problem(type("validation"), "Invalid request", 400,
                    "The request has invalid fields", path, violations(cve));
        }
        if (e instanceof InvalidInputException invalid) {
            return new Problem(type("validation"), "Invalid request", 400, "The request has invalid fields", path,
                    invalid.violations());
        }
        if (e instanceof MalformedEventException malformed) {
            return new Problem(type("validation"), "Invalid request", 400, "The request has invalid fields", path,
                    List.of(new Problem.Violation(malformed.field(), "is missing or malformed")));
        }
        if (e instanceof JsonProcessingException json) {
            return jsonProblem(json, path);
        }
        if (e instanceof ResourceNotFoundException) {
            return new Problem(type("not-found"), "Not found", 404, e.getMessage(), path, null);
        }
        if (e instanceof ConflictException) {
            return new Problem(type("conflict"), "Conflict", 409, e.getMessage(), path, null);
        }
        if (e instanceof ServiceUnavailableException) {
            Log.warnf("%s %s: %s (%s)", request == null ? "-" : request.method(), path, e.getMessage(),
                    e.getCause() == null ? "" : e.getCause().getMessage());
            return new Problem(type("unavailable"), "Service unavailable", 503, e.getMessage(), path, null);
        }
        if (e instanceof UnauthorizedException || e instanceof AuthenticationFailedException) {
            return new Problem(type("unauthorized"), "Unauthorized", 401,
                    "A valid bearer token is required", path, null);
        }
        if (e instanceof ForbiddenException) {
            return new Problem(type("forbidden"), "Forbidden", 403,
                    "Your role does not allow this operation", path, null);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // Quarkus REST reports a path or query value it cannot convert (e.g. "abc" for an int) as a 404
            // caused by the conversion error; for the caller it is a malformed request, not a missing resource.
            return new Problem(type("malformed-parameter"), "Malformed parameter", 400,
                    "A path or query parameter has a value of the wrong type", path, null);
        }
        if (e instanceof WebApplicationException web) {
            if (web.getCause() instanceof JsonProcessingException json) {
                return jsonProblem(json, path);
            }
            int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
            if (status >= 500) {
                return unexpectedProblem(e, request);
            }
            Response.StatusType statusType = Response.Status.fromStatusCode(status);
            String title = statusType == null ? "Request failed" : statusType.getReasonPhrase();
            return new Problem(type(status == 404 ? "not-found" : "http-" + status), title, status,
                    status == 404 ? "No resource at this path" : title, path, null);
        }
        return unexpectedProblem(e, request);
    }

    /**
     * A database integrity rule that the request broke although validation let it through (a race between two
     * requests, usually): a unique key is a conflict (409), any other rule a bad request (400). The constraint's
     * name is logged, never sent.
     */
    private static Problem integrityProblem(Throwable e, String path) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String sqlState = null;
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                sqlState = cve.getSQLState();
            } else if (t instanceof io.vertx.pgclient.PgException pg) {
                sqlState = pg.getSqlState();
            }
            if (sqlState != null && sqlState.startsWith("23")) {
                Log.infof("%s: integrity rule %s refused the write: %s", path, sqlState, t.getMessage());
                return "23505".equals(sqlState)
                        ? new Problem(type("conflict"), "Conflict", 409,
                                "The request conflicts with data written at the same time; read it again and retry",
                                path, null)
                        : new Problem(type("validation"), "Invalid request", 400,
                                "The request breaks a data rule", path, null);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static Problem unexpectedProblem(Throwable e, HttpServerRequest request) {
        String path = request == null ? null : request.path();
        Problem integrity = integrityProblem(e, path);
        if (integrity != null) {
            return integrity;
        }
        Log.errorf(e, "Unexpected failure of %s %s", request == null ? "-" : request.method(), path);
        return new Problem(type("internal"), "Internal error", 500,
                "The request could not be completed; the failure has been logged", path, null);
    }

    private static Problem jsonProblem(JsonProcessingException e, String path) {
        if (e instanceof JsonParseException) {
            return new Problem(type("malformed-json"), "Malformed JSON", 400,
                    "The request body is not valid JSON", path, null);
        }
        String field = e instanceof JsonMappingException mapping ? JsonFieldPath.of(mapping) : "";
        String message = e instanceof JsonMappingException mapping && JsonFieldPath.refusedNull(mapping) != null
                ? "is required"
                : "has a missing or malformed value";
        return new Problem(type("validation"), "Invalid request", 400, "The request body has invalid fields", path,
                List.of(new Problem.Violation(field, message)));
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static List<Problem.Violation> violations(ConstraintViolationException e) {
        List<Problem.Violation> list = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            list.add(new Problem.Violation(field(v), v.getMessage()));
        }
        list.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        return list;
    }

    /**
     * The field as the caller knows it: {@code lines[0].quantity} for a body property, the parameter name for a
     * path or query parameter; never the Java method name.
     */
    static String field(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                    // not a field the caller sent
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (!sb.isEmpty()) {
                            sb.append('.');
                        }
                        sb.append(node.getName());
                    }
                }
            }
        }
        if (sb.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return sb.toString();
    }

    private static URI type(String name) {
        return URI.create(TYPE_BASE + name);
    }

    private static RestResponse<Problem> respond(Problem problem) {
        RestResponse.ResponseBuilder<Problem> builder = RestResponse.ResponseBuilder
                .<Problem>create(problem.status())
                .entity(problem)
                .type(Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (problem.status() == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return builder.build();
    }
}
